// The multiple uploader: a link to set title pattern, credit, licence and usage
// rights once for every image uploaded on this page (media_library/batch.py).
(function () {
  "use strict";
  var script = document.currentScript;
  function start() {
    var list = document.getElementById("upload-list");
    if (!list || !document.getElementById("fileupload")) return;
    var link = document.createElement("a");
    link.className = "button bicolor button--icon w-mt-4";
    link.hidden = true;
    link.textContent = script.dataset.label;
    link.href = script.dataset.url;
    list.insertAdjacentElement("afterend", link);

    function uploadedIds() {
      var ids = [];
      list.querySelectorAll("li.upload-success form[action]").forEach(function (form) {
        var match = form.getAttribute("action").match(/\/(\d+)\/$/);
        if (match && ids.indexOf(match[1]) < 0) ids.push(match[1]);
      });
      return ids;
    }
    function update() {
      var ids = uploadedIds();
      link.hidden = ids.length === 0;
      var query = ids.map(function (id) { return "id=" + id; });
      query.push("next=" + encodeURIComponent(script.dataset.next));
      link.href = script.dataset.url + "?" + query.join("&");
    }
    new MutationObserver(update).observe(list, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
