// Progressive enhancement only: every page works without this script.
(function () {
  "use strict";
  // Styles and tests can tell that the script runs.
  document.documentElement.classList.add("js");
  // An error summary takes the focus, so that it is read first and the keyboard starts there.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    // A link of the summary puts the keyboard in its field (not only scrolls to it).
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (field) {
        event.preventDefault();
        field.focus();
        field.scrollIntoView({ block: "center" });
      }
    });
  }
  // Picking a region shows its communes at once (without the script: the button beside it).
  var region = document.querySelector("select[data-submit-on-change]");
  if (region) {
    region.addEventListener("change", function () {
      region.form.submit();
    });
  }
  // A file upload shows its progress; the page it leads to replaces this one, as without the script.
  Array.prototype.forEach.call(document.querySelectorAll("form[data-upload]"), function (form) {
    if (!window.FormData || !window.XMLHttpRequest) {
      return;
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var request = new XMLHttpRequest();
      var progress = document.createElement("progress");
      progress.max = 100;
      progress.value = 0;
      progress.setAttribute("aria-label", form.querySelector("label").textContent);
      form.appendChild(progress);
      request.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          progress.value = Math.round((e.loaded / e.total) * 100);
        }
      });
      request.addEventListener("load", function () {
        if (request.status < 400) {
          window.location.assign(request.responseURL);
          return;
        }
        var answer = new DOMParser().parseFromString(request.responseText, "text/html");
        var main = answer.querySelector("main");
        if (main) {
          document.querySelector("main").replaceWith(main);
          var summary = document.querySelector("[data-error-summary]");
          if (summary) {
            summary.focus();
          }
        } else {
          form.submit();
        }
      });
      request.addEventListener("error", function () {
        form.submit();
      });
      request.open("POST", form.action);
      request.send(new FormData(form));
    });
  });
})();
