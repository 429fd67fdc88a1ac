// What axe cannot see (WCAG 2.2 AA), computed from the rendered styles. Loaded into a
// page by tests/browser/checks.py; every function returns a list of German problem texts.
(() => {
  if (window.__a11y) return;

  // --- colours --------------------------------------------------------------------------
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });

  // Any CSS colour (rgb(), color(srgb …), oklab, names) as [r, g, b, a] with a in 0..1.
  function rgba(color) {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = "#000";
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  }

  function over(top, bottom) {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  }

  function luminance([r, g, b]) {
    const channel = (v) => {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  }

  function contrast(a, b) {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (l1 + 0.05) / (l2 + 0.05);
  }

  const hex = (c) => "#" + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");

  // The opaque colour painted behind an element: its ancestors' backgrounds, composited,
  // on the white canvas of the page. Background images (gradients) are not looked at.
  function backgroundBehind(el) {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const color = rgba(getComputedStyle(node).backgroundColor);
      if (color[3] > 0) layers.push(color);
      if (color[3] === 1) break;
    }
    let result = [255, 255, 255, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  }

  // --- elements -------------------------------------------------------------------------
  function describe(el) {
    let text = el.tagName.toLowerCase();
    if (el.id) text += "#" + el.id;
    else if (el.getAttribute("name")) text += `[name=${el.getAttribute("name")}]`;
    else if (typeof el.className === "string" && el.className.trim())
      text += "." + el.className.trim().split(/\s+/).slice(0, 2).join(".");
    const value = el.matches("input[type=submit], input[type=button]") ? el.value : "";
    const labels = el.labels ? [...el.labels].map((l) => l.textContent).join(" ") : "";
    const label = (el.getAttribute("aria-label") || labels || el.textContent || value || "").trim();
    if (label) text += ` „${label.replace(/\s+/g, " ").slice(0, 40)}“`;
    return text;
  }

  function hiddenByAncestor(el) {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      if (node.hidden || node.getAttribute("aria-hidden") === "true") return true;
      if (getComputedStyle(node).display === "none") return true;
    }
    return false;
  }

  function visible(el) {
    const rect = el.getBoundingClientRect();
    // visually-hidden elements are clipped to 1 × 1 px
    if (rect.width <= 1 || rect.height <= 1) return false;
    return el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  }

  // what a pointer activates; a scrolling region with tabindex=0 takes the focus, not clicks
  const TARGETS =
    "a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, " +
    "[role=button], [role=link], [role=checkbox], [role=radio], [role=tab]";
  const FOCUSABLE = TARGETS + ", [tabindex]:not([tabindex='-1'])";

  // --- (a) borders of form controls (WCAG 1.4.11) ------------------------------------------
  function visibleSides(style) {
    return ["Top", "Right", "Bottom", "Left"].filter(
      (side) =>
        parseFloat(style[`border${side}Width`]) > 0 &&
        style[`border${side}Style`] !== "none" &&
        rgba(style[`border${side}Color`])[3] > 0
    );
  }

  function boxAround(el) {
    let node = el.parentElement;
    for (let level = 0; node && level < 4; level++, node = node.parentElement) {
      if (visibleSides(getComputedStyle(node)).length === 4) return node;
    }
    return null;
  }

  function boxContrast(box) {
    const style = getComputedStyle(box);
    const outside = backgroundBehind(box.parentElement);
    const fill = over(rgba(style.backgroundColor), outside);
    return Math.max(contrast(fill, outside), contrast(over(rgba(style.borderTopColor), fill), outside));
  }

  function controlBorders() {
    const problems = [];
    const controls = document.querySelectorAll(
      // file, range and colour inputs are drawn by the browser, with borders of its own
      "input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image])" +
        ":not([type=file]):not([type=range]):not([type=color]), select, textarea, button, .btn"
    );
    for (const el of controls) {
      if (!visible(el) || el.disabled) continue;
      const style = getComputedStyle(el);
      // Chromium paints native checkboxes and radios with a 4.5:1 border of its own
      if (el.matches("input[type=checkbox], input[type=radio]") && style.appearance !== "none") continue;
      const outside = backgroundBehind(el.parentElement);
      const fill = over(rgba(style.backgroundColor), outside);
      const isButton = el.matches("button, .btn, input[type=submit], input[type=button]");
      if (isButton && contrast(fill, outside) >= 3) continue; // a filled button
      const sides = visibleSides(style);
      // a text button (btn-link, or underlined by a bottom border): its text is what shows
      if (isButton && sides.length < 4) continue;
      let best = Math.max(
        contrast(fill, outside),
        ...sides.map((side) => contrast(over(rgba(style[`border${side}Color`]), fill), outside))
      );
      if (!sides.length) {
        // a field inside a composite widget (an autocomplete box): the box draws the border
        const box = boxAround(el);
        if (box) best = boxContrast(box);
      }
      if (best < 3) {
        const border = sides.length ? hex(rgba(style[`border${sides[0]}Color`])) : "keiner";
        problems.push(
          `${describe(el)}: Rand ${border} auf ${hex(outside)} hat nur ${best.toFixed(2)}:1 (mindestens 3:1)`
        );
      }
    }
    return problems;
  }

  // --- (b) focus indicator and (d) tab order: recorded while the test presses Tab ------------
  const INDICATOR = [
    "outlineStyle", "outlineWidth", "outlineColor", "outlineOffset", "boxShadow",
    "borderTopColor", "borderTopWidth", "borderBottomColor", "borderBottomWidth",
    "backgroundColor", "textDecorationLine", "stroke", "strokeWidth",
  ];
  const snapshot = (el) => {
    const style = getComputedStyle(el);
    return Object.fromEntries(INDICATOR.map((key) => [key, style[key]]));
  };
  const before = new Map();
  const log = [];

  function startFocusLog() {
    before.clear();
    log.length = 0;
    // Tab starts from the top of the page: from a focused, unfocusable-by-Tab marker there
    const start = document.createElement("span");
    start.tabIndex = -1;
    start.dataset.a11yStart = "";
    document.body.prepend(start);
    start.focus({ preventScroll: true });
    for (const el of document.querySelectorAll(FOCUSABLE)) before.set(el, snapshot(el));
    // the same function is added once; document.open() (set_content) drops listeners
    document.addEventListener("focusin", record, true);
    document.addEventListener("keydown", tabKey, true);
  }

  // Where an element sits on the page, as if nothing were scrolled: the browser scrolls the
  // page and scrolling boxes (the admin's sticky sidebar) to each focused element, which
  // would move what was below it above it.
  function pagePosition(el) {
    const scrolled = [];
    for (let node = el.parentElement; node; node = node.parentElement) {
      if (node.scrollTop || node.scrollLeft) scrolled.push([node, node.scrollTop, node.scrollLeft]);
    }
    const [x, y] = [window.scrollX, window.scrollY];
    for (const [node] of scrolled) node.scrollTop = node.scrollLeft = 0;
    window.scrollTo(0, 0);
    const rect = el.getBoundingClientRect();
    for (const [node, top, left] of scrolled) {
      node.scrollTop = top;
      node.scrollLeft = left;
    }
    window.scrollTo(x, y);
    return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
  }

  function record(event) {
    const el = event.target;
    if (el.dataset && "a11yStart" in el.dataset) return;
    document.querySelectorAll("[data-a11y-start]").forEach((marker) => marker.remove());
    log.push({
      el,
      name: describe(el),
      rect: pagePosition(el),
      before: before.get(el) || null,
      after: snapshot(el),
      outside: backgroundBehind(el.parentElement),
      inside: backgroundBehind(el),
    });
  }

  function tabKey(event) {
    if (event.key === "Tab") log.push({ key: true });
  }

  // The tab order is a cycle through the page and the browser's own controls: a Tab press
  // that focuses nothing in the page marks where it wraps. From the marker at the top the
  // first round is the whole order, unless positive tabindex values reorder it; then the
  // round is what follows the first wrap. Null until the round is complete.
  function round() {
    const wraps = (i) => log[i].key && i + 1 < log.length && log[i + 1].key;
    const reordered = document.querySelector("[tabindex]:not([tabindex='0']):not([tabindex^='-'])");
    const first = reordered ? log.findIndex((_, i) => wraps(i)) : -1;
    if (reordered && first < 0) return null;
    const seen = new Set();
    const result = [];
    for (let i = first + 1; i < log.length; i++) {
      if (log[i].key) {
        if (wraps(i)) return result;
        continue;
      }
      if (seen.has(log[i].el)) return result;
      seen.add(log[i].el);
      result.push(log[i]);
    }
    return null;
  }

  function focusSeen() {
    return round() !== null;
  }

  const shadowColors = (shadow) =>
    shadow && shadow !== "none" ? (shadow.match(/(rgba?|color|oklch|oklab|hsla?)\([^)]*\)|#[0-9a-f]{3,8}/gi) || []) : [];

  function focusIndicator(entry) {
    const { before: was, after: now, outside, inside } = entry;
    if (!was) return "kein Zustand vor dem Fokus (Element erst später eingefügt)";
    const reasons = [];
    const outlineVisible = now.outlineStyle !== "none" && parseFloat(now.outlineWidth) >= 1;
    if (outlineVisible && (was.outlineStyle === "none" || was.outlineColor !== now.outlineColor || was.outlineWidth !== now.outlineWidth)) {
      // an outline with a negative offset lies on the element, otherwise around it
      const behind = parseFloat(now.outlineOffset) < 0 ? inside : outside;
      const ratio = contrast(over(rgba(now.outlineColor), behind), behind);
      if (ratio >= 3 && parseFloat(now.outlineWidth) >= 2) return null;
      reasons.push(`Umriss ${hex(rgba(now.outlineColor))} ${now.outlineWidth} mit ${ratio.toFixed(2)}:1 auf ${hex(behind)}`);
    }
    if (now.boxShadow !== was.boxShadow) {
      const ratios = shadowColors(now.boxShadow).map((c) => contrast(over(rgba(c), outside), outside));
      if (ratios.some((r) => r >= 3)) return null;
      reasons.push(`Schatten mit höchstens ${Math.max(0, ...ratios).toFixed(2)}:1`);
    }
    if (now.borderTopColor !== was.borderTopColor && parseFloat(now.borderTopWidth) >= 2) {
      const ratio = contrast(rgba(now.borderTopColor), outside);
      if (ratio >= 3 && contrast(rgba(now.borderTopColor), rgba(was.borderTopColor)) >= 3) return null;
      reasons.push(`Randfarbe wechselt nur mit ${ratio.toFixed(2)}:1`);
    }
    if (now.backgroundColor !== was.backgroundColor) {
      const ratio = contrast(over(rgba(now.backgroundColor), outside), over(rgba(was.backgroundColor), outside));
      if (ratio >= 3) return null;
      reasons.push(`Hintergrund wechselt nur mit ${ratio.toFixed(2)}:1`);
    }
    if (now.stroke !== was.stroke || now.strokeWidth !== was.strokeWidth) {
      const ratio = contrast(rgba(now.stroke), outside);
      if (ratio >= 3) return null;
      reasons.push(`Kontur mit ${ratio.toFixed(2)}:1`);
    }
    return reasons.length ? reasons.join("; ") + " (mindestens 3:1 und 2 px)" : "keine sichtbare Änderung beim Fokus";
  }

  function focusProblems() {
    const problems = [];
    for (const entry of round() || []) {
      const problem = focusIndicator(entry);
      if (problem) problems.push(`${entry.name}: ${problem}`);
    }
    return problems;
  }

  // Reading order left to right, top to bottom, column by column: the next tab stop may
  // start a new line below or a new column to the right, never go up or back on a line.
  function tabOrderProblems() {
    const problems = [];
    const entries = (round() || []).filter((e) => e.rect.right - e.rect.left > 1 && e.rect.bottom - e.rect.top > 1);
    const tolerance = 2;
    for (let i = 1; i < entries.length; i++) {
      const a = entries[i - 1].rect;
      const b = entries[i].rect;
      const above = b.bottom <= a.top + tolerance;
      const nextColumn = b.left >= a.right - tolerance;
      const sameLine = b.top < a.bottom - tolerance && a.top < b.bottom - tolerance;
      const backOnLine = sameLine && b.right <= a.left + tolerance;
      if ((above && !nextColumn) || backOnLine) {
        problems.push(
          `nach ${entries[i - 1].name} springt der Fokus ${above ? "nach oben" : "zurück nach links"} zu ${entries[i].name}`
        );
      }
    }
    return problems;
  }

  function tabSequence() {
    return (round() || []).map((e) => e.name);
  }

  // --- (c) target size (WCAG 2.5.8) ----------------------------------------------------------
  function inlineInText(el) {
    // the exception for targets in a sentence: an inline link in a block with other text
    if (getComputedStyle(el).display !== "inline") return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    if (!block) return false;
    let text = "";
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!node.parentElement.closest(TARGETS)) text += node.textContent;
    }
    return /[\p{L}\p{N}]/u.test(text);
  }

  function targetSizes() {
    const targets = [...document.querySelectorAll(TARGETS)].filter((el) => !hiddenByAncestor(el) && visible(el));
    // a label belongs to its checkbox or radio: together they are one target
    const rects = targets.map((el) => {
      const r = el.getBoundingClientRect();
      let box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      if (el.matches("input[type=checkbox], input[type=radio]")) {
        for (const label of el.labels || []) {
          const l = label.getBoundingClientRect();
          const touches = l.left <= box.right + 8 && l.right >= box.left - 8 && l.top <= box.bottom && l.bottom >= box.top;
          if (touches && l.width > 1) {
            box = { left: Math.min(box.left, l.left), top: Math.min(box.top, l.top), right: Math.max(box.right, l.right), bottom: Math.max(box.bottom, l.bottom) };
          }
        }
      }
      return box;
    });
    const labelled = new Set(targets.filter((el) => el.matches("input[type=checkbox], input[type=radio]")).flatMap((el) => [...(el.labels || [])]));
    const small = rects.map((r) => r.right - r.left < 24 - 0.5 || r.bottom - r.top < 24 - 0.5);
    const centre = (r) => [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
    const circleHitsRect = ([x, y], r) => {
      const dx = Math.max(r.left - x, 0, x - r.right);
      const dy = Math.max(r.top - y, 0, y - r.bottom);
      return dx * dx + dy * dy < 12 * 12 - 0.5;
    };
    // the exception for equivalent targets: a link whose address a large enough target
    // on the page also has
    const passingHrefs = new Set(targets.filter((el, i) => !small[i] && el.href).map((el) => el.href));
    const problems = [];
    targets.forEach((el, i) => {
      if (!small[i] || inlineInText(el) || labelled.has(el.closest("label"))) return;
      if (el.href && passingHrefs.has(el.href)) return;
      const c = centre(rects[i]);
      const hit = targets.findIndex((other, j) => {
        if (j === i || other.contains(el) || el.contains(other)) return false;
        if (circleHitsRect(c, rects[j])) return true;
        if (!small[j]) return false;
        const [x, y] = centre(rects[j]);
        return Math.hypot(x - c[0], y - c[1]) < 24 - 0.5;
      });
      if (hit >= 0) {
        const r = rects[i];
        problems.push(
          `${describe(el)}: ${Math.round(r.right - r.left)} × ${Math.round(r.bottom - r.top)} px, zu nah an ${describe(targets[hit])} (mindestens 24 × 24 px oder 24 px Abstand)`
        );
      }
    });
    return problems;
  }

  // --- (e) heading outline ---------------------------------------------------------------------
  function headingOutline() {
    const problems = [];
    const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]")].filter((el) => !hiddenByAncestor(el));
    let previous = 0;
    for (const el of headings) {
      const level = el.getAttribute("role") === "heading" ? Number(el.getAttribute("aria-level") || 2) : Number(el.tagName[1]);
      const text = el.textContent.trim().replace(/\s+/g, " ").slice(0, 50);
      if (previous === 0 && level !== 1) problems.push(`erste Überschrift ist h${level} „${text}“, nicht h1`);
      else if (level > previous + 1 && previous) problems.push(`h${previous} → h${level} „${text}“ überspringt eine Ebene`);
      previous = level;
    }
    if (!headings.length) problems.push("keine Überschrift auf der Seite");
    return problems;
  }

  window.__a11y = { _log: () => log, controlBorders, startFocusLog, focusSeen, focusProblems, tabOrderProblems, tabSequence, targetSizes, headingOutline };
})();
