/* The kit's additions to Decap CMS, loaded after its bundle:
   - text fields written in their language's direction and font (Arabic
     right to left, Tifinagh in the site's Tifinagh font);
   - topics ticked from the vocabulary in the language being written;
   - the preview drawn with the site's own stylesheet, language and direction.
   The settings come from the page (a JSON block written by the build). */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;
  var settings = JSON.parse(
    document.getElementById("web-editor-settings").textContent
  );
  var byCode = {};
  settings.languages.forEach(function (lang) {
    byCode[lang.code] = lang;
  });

  function language(code) {
    return byCode[code] || settings.languages[0];
  }

  function plain(value) {
    return value && value.toJS ? value.toJS() : value;
  }

  // Each text field inside an element carrying its language and direction:
  // the browser then lays the text out right to left where it should, and the
  // editor's stylesheet gives it the site's font for that language.
  ["string", "text", "markdown"].forEach(function (name) {
    var widget = CMS.getWidget(name);
    if (!widget) return;
    var Original = widget.control;
    var InLanguage = createClass({
      render: function () {
        var lang = language(this.props.locale);
        // Keys, numbers and web addresses are Latin in every language.
        var direction = this.props.field.get("direction") || lang.direction;
        return h(
          "div",
          { className: "web-editor-field", lang: lang.tag, dir: direction },
          h(Original, this.props)
        );
      },
    });
    CMS.registerWidget(name, InLanguage, widget.preview);
  });

  // Topics: the vocabulary's names in the language of the file being
  // written, as check boxes; a name not in the vocabulary stays ticked so
  // that nothing is lost (the build names it).
  var Topics = createClass({
    names: function () {
      var vocabulary = this.props.field.get("vocabulary");
      var code = language(this.props.locale).code;
      return vocabulary && vocabulary.get(code) ? vocabulary.get(code) : null;
    },
    chosen: function () {
      return plain(this.props.value) || [];
    },
    toggle: function (name, on) {
      var names = this.names();
      var empty = names ? names.clear() : null;
      var kept = this.chosen().filter(function (n) {
        return n !== name;
      });
      if (on) kept.push(name);
      // The same kind of list Decap keeps elsewhere (an immutable List).
      this.props.onChange(empty ? empty.concat(kept) : kept);
    },
    render: function () {
      var self = this;
      var lang = language(this.props.locale);
      var chosen = this.chosen();
      var names = plain(this.names()) || [];
      var all = names.concat(
        chosen.filter(function (n) {
          return names.indexOf(n) === -1;
        })
      );
      return h(
        "div",
        {
          id: this.props.forID,
          className: this.props.classNameWrapper + " web-editor-topics web-editor-field",
          lang: lang.tag,
          dir: lang.direction,
        },
        all.map(function (name) {
          return h(
            "label",
            { key: name },
            h("input", {
              type: "checkbox",
              checked: chosen.indexOf(name) !== -1,
              onChange: function (event) {
                self.toggle(name, event.target.checked);
              },
            }),
            " " + name
          );
        })
      );
    },
  });
  CMS.registerWidget("topics", Topics, function (props) {
    return h("span", null, (plain(props.value) || []).join(" · "));
  });

  // A translation nobody wrote is not saved: Decap would write an empty
  // file for it (from the fields' empty defaults), which the build rejects.
  // Its preSave listeners receive the event object whose entry it saves
  // (a returned value would only replace the first language's data).
  function blank(value) {
    if (value === undefined || value === null || value === "") return true;
    if (value.every) return value.every(blank); // an immutable List or Map
    return false;
  }
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      // A new item without its key has no file name: say what to write
      // (Decap shows the message) rather than a proxy's or host's error.
      if (event.entry.get("newRecord") && !event.entry.getIn(["data", "slug"])) {
        throw new Error(settings.missingKey);
      }
      var translations = event.entry.get("i18n");
      if (!translations) return undefined;
      translations.forEach(function (translation, code) {
        if (blank(translation.get("data"))) {
          event.entry = event.entry.deleteIn(["i18n", code]);
        }
      });
      return undefined;
    },
  });

  // The preview: the site's stylesheet, the language's lang and dir.
  CMS.registerPreviewStyle(settings.stylesheet);
  function previewFor(kind) {
    return createClass({
      render: function () {
        var entry = this.props.entry;
        var lang = language(this.props.locale || entry.get("locale"));
        var data = entry.get("data");
        var get = function (name) {
          return data.get(name) ? String(plain(data.get(name))) : "";
        };
        var when = get("date") || get("start");
        // The site's stylesheet keys fonts on <html lang>: set it in the frame.
        var root = this.props.document && this.props.document.documentElement;
        if (root) {
          root.lang = lang.tag;
          root.dir = lang.direction;
        }
        return h(
          "div",
          { lang: lang.tag, dir: lang.direction, className: "web-editor-preview " + kind },
          h(
            "main",
            { className: "wrap" },
            h(
              "article",
              { className: "item" },
              h(
                "header",
                null,
                h("h1", null, get("title")),
                h(
                  "p",
                  { className: "meta" },
                  when ? h("bdi", null, when) : null,
                  when && get("place") ? " · " : null,
                  get("place") ? h("bdi", null, get("place")) : null
                ),
                get("summary") ? h("p", { className: "summary" }, get("summary")) : null
              ),
              h("div", { className: "prose" }, this.props.widgetFor("body"))
            )
          )
        );
      },
    });
  }
  Object.keys(settings.sections).forEach(function (key) {
    CMS.registerPreviewTemplate(key, previewFor(settings.sections[key]));
  });
})();
