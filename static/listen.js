/* "Listen": reads a question and its hint aloud with the phone's own speech synthesis.
   Shown only when a voice for the page's language runs on the device itself: a remote
   voice would send the text of a health question to someone else's server. */
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  if (!synth || !window.SpeechSynthesisUtterance) return;
  var lang = document.documentElement.lang.toLowerCase();

  function localVoice() {
    var near = null, voices = synth.getVoices();
    for (var i = 0; i < voices.length; i++) {
      var voice = voices[i], tag = voice.lang.toLowerCase().replace("_", "-");
      if (!voice.localService) continue;
      if (tag === lang) return voice;
      if (!near && tag.split("-")[0] === lang.split("-")[0]) near = voice;
    }
    return near;
  }

  function offer() {
    var voice = localVoice();
    if (!voice) return false;
    var buttons = document.querySelectorAll("[data-say]");
    Array.prototype.forEach.call(buttons, function (button) {
      var label = button.textContent;
      function reset() { button.textContent = label; button.removeAttribute("data-speaking"); }
      button.hidden = false;
      button.addEventListener("click", function () {
        var speaking = button.hasAttribute("data-speaking");
        synth.cancel();
        Array.prototype.forEach.call(buttons, function (other) {
          if (other.hasAttribute("data-speaking")) other.dispatchEvent(new Event("listen:reset"));
        });
        if (speaking) return;
        var text = button.getAttribute("data-say").split(" ").map(function (id) {
          var element = document.getElementById(id);
          return element ? element.textContent.trim() : "";
        }).join(". ");
        var utterance = new SpeechSynthesisUtterance(text);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.onend = utterance.onerror = reset;
        button.setAttribute("data-speaking", "");
        button.textContent = button.getAttribute("data-stop");
        synth.speak(utterance);
      });
      button.addEventListener("listen:reset", reset);
    });
    return true;
  }

  if (!offer() && synth.addEventListener) {
    synth.addEventListener("voiceschanged", function once() {
      if (offer()) synth.removeEventListener("voiceschanged", once);
    });
  }
})();
