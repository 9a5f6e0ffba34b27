/* Record a voice message or a sign-language video in the browser. An enhancement only:
   without it (or without a microphone, a camera or MediaRecorder) the file input works as
   it is. The recording goes into that same file input, so the form post is the same and
   the server checks it like any upload. No countdown: a recording stops by itself only at
   the cap, and says so. States are announced in the page's status region. */
(function () {
  "use strict";
  var status = document.getElementById("live-status");
  var box = document.querySelector("[data-recorder]");
  var input = box && box.querySelector("input[type=file]");
  if (!box || !input || !window.MediaRecorder || !window.DataTransfer ||
      !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { return; }

  var maxSeconds = parseInt(box.getAttribute("data-max-seconds"), 10) || 300;
  var types = {
    audio: ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4", "audio/webm"],
    video: ["video/webm;codecs=vp8,opus", "video/webm", "video/mp4"]
  };

  function say(words) {
    if (!status) { return; }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = words; }, 50);
  }

  function supported(list) {
    for (var i = 0; i < list.length; i += 1) {
      if (MediaRecorder.isTypeSupported(list[i])) { return list[i]; }
    }
    return "";
  }

  function button(text) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "button button-secondary";
    b.textContent = text;
    return b;
  }

  var controls = document.createElement("div");
  controls.className = "recorder";
  var voice = button(box.getAttribute("data-record-voice"));
  var video = button(box.getAttribute("data-record-video"));
  var stop = button(box.getAttribute("data-stop"));
  stop.hidden = true;
  var preview = document.createElement("div");
  preview.className = "recorder-preview";
  controls.appendChild(voice);
  controls.appendChild(video);
  controls.appendChild(stop);
  controls.appendChild(preview);
  input.closest(".field").insertAdjacentElement("beforebegin", controls);

  var recorder = null;
  var stream = null;
  var limit = null;
  var atLimit = false;

  function release() {
    window.clearTimeout(limit);
    if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); }
    stream = null;
    stop.hidden = true;
    voice.hidden = false;
    video.hidden = false;
  }

  function show(blob, withVideo) {
    var url = URL.createObjectURL(blob);
    var player = document.createElement(withVideo ? "video" : "audio");
    player.controls = true;
    player.src = url;
    player.setAttribute("aria-label", box.getAttribute("data-preview"));
    player.className = "recorder-player";
    preview.replaceChildren(player);
  }

  function start(withVideo) {
    var constraints = withVideo ? { audio: true, video: true } : { audio: true };
    navigator.mediaDevices.getUserMedia(constraints).then(function (media) {
      stream = media;
      var mime = supported(withVideo ? types.video : types.audio);
      recorder = mime ? new MediaRecorder(media, { mimeType: mime }) : new MediaRecorder(media);
      var chunks = [];
      recorder.ondataavailable = function (event) {
        if (event.data && event.data.size) { chunks.push(event.data); }
      };
      recorder.onstop = function () {
        var type = (recorder.mimeType || mime || (withVideo ? "video/webm" : "audio/webm")).split(";")[0];
        var blob = new Blob(chunks, { type: type });
        var extension = type.indexOf("mp4") >= 0 ? "mp4" : (type.indexOf("ogg") >= 0 ? "ogg" : "webm");
        var name = (withVideo ? "sign-language-video." : "voice-message.") + extension;
        var transfer = new DataTransfer();
        transfer.items.add(new File([blob], name, { type: type }));
        input.files = transfer.files;
        release();
        show(blob, withVideo);
        say((atLimit ? box.getAttribute("data-at-limit") + " " : "") + box.getAttribute("data-ready"));
        (withVideo ? video : voice).focus();
      };
      atLimit = false;
      recorder.start(1000);
      voice.hidden = true;
      video.hidden = true;
      stop.hidden = false;
      stop.focus();
      say(box.getAttribute("data-started"));
      limit = window.setTimeout(function () {
        atLimit = true;
        if (recorder && recorder.state !== "inactive") { recorder.stop(); }
      }, (maxSeconds - 1) * 1000);
    }).catch(function () {
      release();
      say(box.getAttribute("data-denied"));
      input.focus();
    });
  }

  voice.addEventListener("click", function () { start(false); });
  video.addEventListener("click", function () { start(true); });
  stop.addEventListener("click", function () {
    if (recorder && recorder.state !== "inactive") { recorder.stop(); }
  });
})();
