/* Voice feedback on the review page: record in the browser and put the
   recording into the form's file field, so it is sent with the review like a
   chosen file. Without MediaRecorder the file field alone does the job. */
(function () {
  "use strict";
  const form = document.querySelector("[data-review-form]");
  if (!form) return;
  const input = form.querySelector("input[name=audio]");
  const box = form.querySelector("[data-recorder]");
  if (
    !input || !box || !window.MediaRecorder || !window.DataTransfer ||
    !(navigator.mediaDevices && navigator.mediaDevices.getUserMedia)
  ) {
    return;
  }
  const msg = form.dataset;
  const button = box.querySelector("[data-record]");
  const status = box.querySelector("[data-recorder-status]");
  const preview = box.querySelector("[data-recorder-preview]");
  let recorder = null;
  let chunks = [];
  box.hidden = false;

  function stopTracks(stream) {
    stream.getTracks().forEach(function (track) { track.stop(); });
  }

  button.addEventListener("click", async function () {
    if (recorder && recorder.state === "recording") {
      recorder.stop();
      return;
    }
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      status.textContent = msg.msgNoMic;
      return;
    }
    chunks = [];
    recorder = new MediaRecorder(stream);
    recorder.addEventListener("dataavailable", function (event) {
      if (event.data && event.data.size) chunks.push(event.data);
    });
    recorder.addEventListener("stop", function () {
      stopTracks(stream);
      button.textContent = msg.msgRecord;
      button.setAttribute("aria-pressed", "false");
      const type = (recorder.mimeType || "audio/webm").split(";")[0];
      const extension = type.indexOf("ogg") >= 0 ? "ogg" : type.indexOf("mp4") >= 0 ? "m4a" : "webm";
      const file = new File(chunks, "feedback." + extension, { type: type });
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      preview.src = URL.createObjectURL(file);
      preview.hidden = false;
      status.textContent = msg.msgRecorded;
    });
    recorder.start();
    button.textContent = msg.msgStop;
    button.setAttribute("aria-pressed", "true");
    status.textContent = msg.msgRecording;
  });
})();
