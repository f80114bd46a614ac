/* Pre-fills the story's slugs from its headlines while the slug has not been typed by hand.
   Bulgarian follows the Transliteration Act of 2009, mirroring newsroom/text.py (slugify_bg);
   English follows Django's slugify. The server makes the same slug when the field is empty. */
(function () {
  "use strict";

  var TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya"
  };
  var EXCEPTIONS = { "българия": "bulgaria" };
  var MAX_LENGTH = 80;

  function transliterateWord(word) {
    var lower = word.toLowerCase();
    if (Object.prototype.hasOwnProperty.call(EXCEPTIONS, lower)) {
      return EXCEPTIONS[lower];
    }
    var out = "";
    for (var i = 0; i < lower.length; i++) {
      var ch = lower[i];
      if (ch === "я" && i === lower.length - 1 && i > 0 && lower[i - 1] === "и") {
        out += "a"; // word-final "ия" is "ia"
      } else if (Object.prototype.hasOwnProperty.call(TABLE, ch)) {
        out += TABLE[ch];
      } else {
        out += ch;
      }
    }
    return out;
  }

  function transliterate(text) {
    return (text || "").replace(/[\p{L}\p{M}]+/gu, transliterateWord);
  }

  // Django's slugify: ASCII only, drop what is not a word character, space or hyphen,
  // lower case, runs of spaces and hyphens become one hyphen, no hyphen at either end.
  function slugify(text) {
    return (text || "")
      .normalize("NFKD")
      .replace(/[^\x00-\x7F]/g, "")
      .replace(/[^\w\s-]/g, "")
      .toLowerCase()
      .replace(/[-\s]+/g, "-")
      .replace(/^[-_]+|[-_]+$/g, "");
  }

  function cut(slug) {
    if (slug.length > MAX_LENGTH) {
      var head = slug.slice(0, MAX_LENGTH);
      var boundary = head.lastIndexOf("-");
      slug = boundary > 0 ? head.slice(0, boundary) : head;
    }
    return slug.replace(/^-+|-+$/g, "");
  }

  function slugifyBg(text) {
    return cut(slugify(transliterate(text)));
  }

  function follow(titleId, slugId, maker) {
    var title = document.getElementById(titleId);
    var slug = document.getElementById(slugId);
    if (!title || !slug) {
      return;
    }
    // A slug already set (saved, or typed) is kept: shared links keep working.
    var touched = slug.value !== "";
    slug.addEventListener("input", function () { touched = slug.value !== ""; });
    title.addEventListener("input", function () {
      if (!touched) {
        slug.value = maker(title.value);
      }
    });
  }

  window.newsroomSlugifyBg = slugifyBg;
  document.addEventListener("DOMContentLoaded", function () {
    follow("id_title_bg", "id_slug_bg", slugifyBg);
    follow("id_title_en", "id_slug_en", function (text) { return cut(slugify(text)); });
  });
})();
