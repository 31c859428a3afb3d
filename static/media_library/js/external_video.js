/* Two-click consent for YouTube and Vimeo videos
   (templates/media_library/blocks/external_video_block.html).

   The page loads nothing from the provider. This script shows each placeholder's
   button (hidden for visitors without JavaScript, who get the plain link) and,
   when it is clicked, puts the player in place of the placeholder. The player's
   address comes from the server (data-embed-url), so this file knows no provider. */
(function () {
  "use strict";

  function loadPlayer(placeholder) {
    var frame = document.createElement("iframe");
    frame.className = "external-video__frame";
    frame.title = placeholder.dataset.videoTitle;
    // Only what a player needs: start on this click, go full screen.
    frame.allow = "autoplay; fullscreen";
    frame.allowFullscreen = true;
    // The providers refuse to play without knowing the embedding site's origin.
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.src = placeholder.dataset.embedUrl;
    placeholder.replaceWith(frame);
    // The button is gone; keyboard and screen reader users continue in the player.
    frame.focus();
  }

  function enhance(placeholder) {
    // The block may appear (and include this script) more than once per page.
    if (placeholder.dataset.externalVideoReady) {
      return;
    }
    var button = placeholder.querySelector("[data-external-video-load]");
    if (!button || !placeholder.dataset.embedUrl) {
      return;
    }
    placeholder.dataset.externalVideoReady = "true";
    button.hidden = false;
    button.addEventListener("click", function () {
      loadPlayer(placeholder);
    });
  }

  document.querySelectorAll("[data-external-video]").forEach(enhance);
})();
