// The multiple uploader: a link to set title pattern, credit, licence and usage
// rights once for every file uploaded on this page, and each alt text
// (media_library/batch.py). Rows still waiting for their details are uploads,
// rows already saved are images; the link names both, in the page's order.
(function () {
  "use strict";
  var script = document.currentScript;
  var UPLOAD = /\/create_from_uploaded_image\/(\d+)\/$/;
  var IMAGE = /\/multiple\/(\d+)\/$/;
  function start() {
    var list = document.getElementById("upload-list");
    if (!list || !document.getElementById("fileupload")) return;
    var link = document.createElement("a");
    link.className = "button bicolor button--icon w-mt-4";
    link.hidden = true;
    link.textContent = script.dataset.label;
    link.href = script.dataset.url;
    list.insertAdjacentElement("afterend", link);

    function query() {
      var parts = [];
      list.querySelectorAll("li.upload-success form[action]").forEach(function (form) {
        var action = form.getAttribute("action");
        var upload = action.match(UPLOAD);
        var image = action.match(IMAGE);
        if (upload) parts.push("upload=" + upload[1]);
        else if (image) parts.push("image=" + image[1]);
      });
      return parts;
    }
    function update() {
      var parts = query();
      link.hidden = parts.length === 0;
      parts.push("next=" + encodeURIComponent(script.dataset.next));
      link.href = script.dataset.url + "?" + parts.join("&");
    }
    new MutationObserver(update).observe(list, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["class", "action"],
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
