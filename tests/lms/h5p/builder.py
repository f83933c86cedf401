"""Small H5P packages built in code, one change away from a valid one."""

import io
import json
import struct
import warnings
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "h5p"

MB = 1024 * 1024


def library_json(name="H5P.Demo", major=1, minor=0, **extra):
    data = {
        "title": name,
        "machineName": name,
        "majorVersion": major,
        "minorVersion": minor,
        "patchVersion": 3,
        "runnable": 1,
        "coreApi": {"majorVersion": 1, "minorVersion": 19},
        "preloadedJs": [{"path": "js/demo.js"}],
        "preloadedCss": [{"path": "css/demo.css"}],
    }
    data.update(extra)
    return data


def valid_files():
    """The files of a small, valid, playable package (name -> bytes or JSON)."""
    return {
        "h5p.json": {
            "title": "Demo",
            "language": "nb",
            "mainLibrary": "H5P.Demo",
            "embedTypes": ["iframe"],
            "preloadedDependencies": [
                {"machineName": "H5P.Demo", "majorVersion": "1", "minorVersion": "0"}
            ],
        },
        "content/content.json": {
            "question": "Er dette sant?",
            "image": {"path": "images/photo.png", "mime": "image/png"},
            "video": {"files": [{"path": "https://example.org/film.mp4"}]},
        },
        "content/images/photo.png": b"\x89PNG\r\n\x1a\n" + b"\x01" * 200,
        "H5P.Demo-1.0/library.json": library_json(),
        "H5P.Demo-1.0/js/demo.js": b"H5P.Demo = function () {};\n",
        "H5P.Demo-1.0/css/demo.css": b".h5p-demo { color: black; }\n",
        "H5P.Demo-1.0/language/nb.json": {"semantics": [{"label": "Spørsmål"}]},
        "H5P.Demo-1.0/icon.svg": b"<svg xmlns='http://www.w3.org/2000/svg'/>",
    }


def _bytes(value):
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    return json.dumps(value).encode("utf-8")


def build(files=None, *, entries=(), drop=(), compression=zipfile.ZIP_DEFLATED):
    """A package as bytes: ``files`` (default: the valid ones) minus ``drop``,
    plus raw ``entries`` given as (name or ZipInfo, bytes), in that order."""
    files = valid_files() if files is None else files
    buffer = io.BytesIO()
    with (
        warnings.catch_warnings(),  # zipfile warns about duplicate names
        zipfile.ZipFile(buffer, "w", compression) as archive,
    ):
        warnings.simplefilter("ignore")
        for name, value in files.items():
            if name not in drop:
                archive.writestr(name, _bytes(value))
        for name, value in entries:
            archive.writestr(name, _bytes(value))
    return buffer.getvalue()


def with_file(name, value):
    """The valid package with one more (or one replaced) file."""
    files = valid_files()
    files[name] = value
    return build(files)


def zero_bomb(megabytes=50, name="content/zeros.txt"):
    """The valid package plus a member of ``megabytes`` MB of zeros, written
    in 1 MB blocks so the 50 MB never sit in memory at once."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, value in valid_files().items():
            archive.writestr(member, _bytes(value))
        block = bytes(MB)
        with archive.open(name, "w") as out:
            for _ in range(megabytes):
                out.write(block)
    return buffer.getvalue()


def lie_about_compressed_size(data, name, claimed):
    """Rewrite the central directory so ``name`` claims ``claimed`` compressed
    bytes (the local header and the data stay as they are)."""
    data = bytearray(data)
    encoded = name.encode("utf-8")
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        (length,) = struct.unpack("<H", data[at + 28 : at + 30])
        if bytes(data[at + 46 : at + 46 + length]) == encoded:
            data[at + 20 : at + 24] = struct.pack("<I", claimed)
            return bytes(data)
        at += 4
    raise AssertionError(f"{name} not in the central directory")


def symlink_entry(name="content/images/link.png", target="/etc/passwd"):
    info = zipfile.ZipInfo(name)
    info.create_system = 3  # Unix
    info.external_attr = (0o120777 & 0xFFFF) << 16
    return info, target.encode()


def fifo_entry(name="content/pipe.txt"):
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = 0o010644 << 16
    return info, b""


def mark_encrypted(data, name):
    """Set the "encrypted" flag of ``name`` in both of its headers (zipfile
    clears flags it is given when writing)."""
    data = bytearray(data)
    encoded = name.encode("utf-8")
    for signature, flags_at, length_at, name_at in (
        (b"PK\x03\x04", 6, 26, 30),
        (b"PK\x01\x02", 8, 28, 46),
    ):
        at = 0
        while (at := data.find(signature, at)) >= 0:
            (length,) = struct.unpack("<H", data[at + length_at : at + length_at + 2])
            if bytes(data[at + name_at : at + name_at + length]) == encoded:
                (flags,) = struct.unpack("<H", data[at + flags_at : at + flags_at + 2])
                data[at + flags_at : at + flags_at + 2] = struct.pack("<H", flags | 1)
            at += 4
    return bytes(data)


def corrupt_member(data, name):
    """Flip bytes inside ``name``'s stored data, so its CRC no longer matches."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    data = bytearray(data)
    (name_length, extra_length) = struct.unpack(
        "<HH", data[info.header_offset + 26 : info.header_offset + 30]
    )
    start = info.header_offset + 30 + name_length + extra_length
    for i in range(start, start + min(8, info.compress_size)):
        data[i] ^= 0xFF
    return bytes(data)
