"""Diplomas: what is printed, the PDF, the verification code and the badges.

The modules here know nothing of lms models, views or courses. They take a
plain `DiplomaData` and return bytes, strings and JSON-ready dicts, so the
Diploma model, the issuing service and the verification page can be built on
top of them (and tested without a database):

- `data`: `DiplomaData`, everything a diploma prints.
- `pdf`: `render_pdf(data)`, an A4 landscape one-page PDF in her language
  and the programme language, rendered without fetching anything.
- `codes`: `new_code()` and `normalise_code(text)`, the short verification
  code printed under the QR code.
- `keys`: the site's Ed25519 signing key and its public JWK.
- `badges`: Open Badges 3.0 credentials (W3C VC 2.0, signed as VC-JOSE
  `vc+jwt`), the Bitstring Status List that revokes them, and Open Badges 2.0
  hosted assertions for older backpacks.
"""
