#!/usr/bin/env python3
"""Renders carepath's report.html in a real browser (Debian's headless Chromium) and checks
that every chart has drawn marks.

Usage: report_browser.py CAREPATH DATA_DIR WORK_DIR

1. Makes two reports with the program: a small simulation with a scenario (every chart kind,
   including the baseline-against-scenario intervals) and the analysis of an SSDA903 return.
2. For each report, loads a copy with a probe script appended (the report itself has no
   script) and dumps the DOM after load: for every chart, the probe records how many marks
   the browser laid out with a non-empty box, and where the chart is on the page.
3. Takes a screenshot of the report (no probe) at the same width and, with a PNG decoder
   written on zlib alone, counts coloured pixels inside each chart's box.

A chart passes when the browser laid out all of its marks (as many as its data-points), at
least one with a non-empty box, and its area of the screenshot holds coloured pixels. The
simulation report must also show, visibly, its sections "What this model assumes", "How well
it reproduces published figures" and the paired differences, define the continuity index and
the share of ties kept in the continuity section, and (a scenario report) label every section,
chart and table caption with the run it shows. Its reproduction section must show two visible
tables, the target figures ("Fitted, not evidence") and the validation figures ("Evidence"),
each row with source, definition and a model value or the reason there is none; the run keeps
every child's history, so the validation table has history figures with values. Exit 77
(ctest's skip code) with a message when chromium is not installed.
"""
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

SKIP = 77
WIDTH = 1200
# The screenshot is taken at half scale: a quarter of the pixels to decode in pure Python,
# and still several pixels across the thinnest mark.
SCALE = 0.5

PROBE = """
<script>
window.addEventListener('load', function () {
  var out = [];
  document.querySelectorAll('svg.chart').forEach(function (svg, i) {
    var marks = svg.querySelectorAll('.mark');
    var drawn = 0;
    marks.forEach(function (m) {
      var b = m.getBBox();
      var style = getComputedStyle(m);
      if ((b.width > 0 || b.height > 0) && style.display !== 'none' && style.visibility !== 'hidden') drawn++;
    });
    var r = svg.getBoundingClientRect();
    out.push({index: i, label: svg.getAttribute('aria-label'),
              points: parseInt(svg.getAttribute('data-points'), 10), marks: marks.length,
              drawn: drawn, x: r.left + window.scrollX, y: r.top + window.scrollY,
              w: r.width, h: r.height});
  });
  // Sections, the run label around each chart, and table captions, each with its laid-out box.
  var visible = function (el) {
    if (!el) return false;
    var b = el.getBoundingClientRect();
    var style = getComputedStyle(el);
    return b.width > 0 && b.height > 0 && style.display !== 'none' &&
           style.visibility !== 'hidden' && el.textContent.trim().length > 0;
  };
  var sections = [];
  document.querySelectorAll('section').forEach(function (sec) {
    var h = sec.querySelector('h2'), p = sec.querySelector('p');
    var tables = [];
    sec.querySelectorAll('table.data').forEach(function (t) {
      var cap = t.querySelector('caption');
      var cells = function (tr) {
        return Array.prototype.map.call(tr.querySelectorAll('th, td'), function (c) {
          return c.textContent.trim();
        });
      };
      var head = t.querySelector('thead tr') || t.querySelector('tr');
      var rows = [];
      t.querySelectorAll('tbody tr').forEach(function (tr) {
        rows.push({cells: cells(tr), visible: visible(tr)});
      });
      tables.push({caption: cap ? cap.textContent : '', visible: visible(cap),
                   columns: head ? cells(head) : [], rows: rows});
    });
    sections.push({id: sec.id, title: h ? h.textContent : '', visible: visible(h),
                   text: p ? p.textContent : '', tables: tables});
  });
  var figures = [];
  document.querySelectorAll('svg.chart').forEach(function (svg) {
    var fig = svg.closest('figure[data-run]');
    var cap = fig ? fig.querySelector('figcaption') : null;
    figures.push({label: svg.getAttribute('aria-label'), run: fig ? fig.getAttribute('data-run') : null,
                  caption: cap ? cap.textContent : null, visible: visible(cap)});
  });
  var captions = [];
  document.querySelectorAll('table.data caption').forEach(function (c) {
    captions.push({text: c.textContent, visible: visible(c)});
  });
  var pre = document.createElement('pre');
  pre.id = 'carepath-probe';
  pre.textContent = JSON.stringify({height: document.documentElement.scrollHeight, charts: out,
                                    sections: sections, figures: figures, captions: captions});
  document.body.appendChild(pre);
});
</script>
"""


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(binary, extra, url, profile):
    cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run",
           "--hide-scrollbars", "--user-data-dir=" + profile] + extra + [url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def read_png(path):
    """Decodes an 8-bit RGB or RGBA, non-interlaced PNG into (width, height, rows of bytes)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace != 0:
                raise ValueError("unsupported PNG layout: depth %d colour %d interlace %d"
                                 % (depth, colour, interlace))
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        filt, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if filt == 1:
                line[x] = (line[x] + a) & 0xFF
            elif filt == 2:
                line[x] = (line[x] + b) & 0xFF
            elif filt == 3:
                line[x] = (line[x] + ((a + b) >> 1)) & 0xFF
            elif filt == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def coloured_pixels(png, box):
    """Pixels inside box (x, y, w, h) whose channels differ by more than 60: the palette's
    colours, not the black, grey and white of text, grid and background."""
    width, height, channels, rows = png
    x0, y0 = max(0, int(box[0])), max(0, int(box[1]))
    x1, y1 = min(width, int(box[0] + box[2])), min(height, int(box[1] + box[3]))
    n = 0
    for y in range(y0, y1):
        row = rows[y]
        for x in range(x0, x1):
            r, g, b = row[x * channels], row[x * channels + 1], row[x * channels + 2]
            if max(r, g, b) - min(r, g, b) > 60:
                n += 1
    return n


# A scenario report labels every chart and table with the run it shows.
RUN_LABELS = ("Baseline run: ", "Scenario run: ", "Difference: ", "Baseline and scenario",
              "Model inputs")
# Sections every simulation report has (id, heading), and those a scenario report adds.
SIM_SECTIONS = (("assumptions", "What this model assumes"),
                ("reproduction", "How well it reproduces published figures"))
SCENARIO_SECTIONS = (("difference", "Paired differences, figure by figure"),
                     ("baseline-figures", "Figures of the baseline run"))


NUMBER = re.compile(r"^[+-]?[0-9][0-9,]*(\.[0-9]+)?$")


def check_reproduction(section, name):
    """The section "How well it reproduces published figures" shows two visible tables, the
    targets (fitted, not evidence) and the validation figures (evidence), each row with its
    definition and source, and a model value or the reason there is none."""
    failures = []
    text = section["text"]
    for words in ("fitted, not evidence", "never read by the fit"):
        if words not in text:
            failures.append("%s: the reproduction text does not say %r" % (name, words))
    tables = section.get("tables", [])
    if len(tables) != 2:
        return failures + ["%s: the reproduction section has %d tables, not 2" % (name, len(tables))]
    for table, label, role in ((tables[0], "Fitted, not evidence", "target"),
                               (tables[1], "Evidence", "validation")):
        cap = table["caption"]
        if label not in cap or ("role " + role) not in cap or not table["visible"]:
            failures.append("%s: table caption %r does not say %r (role %s), visibly"
                            % (name, cap, label, role))
        cols = table["columns"]
        need = ("figure (source id)", "role", "published", "source", "model's definition (this run's dates)",
                "model (mean)", "95% interval (t)", "gap (model minus published)", "tolerance",
                "within tolerance")
        missing = [c for c in need if c not in cols]
        if missing:
            failures.append("%s: %s table lacks columns %r" % (name, role, missing))
            continue
        source, definition, model = cols.index("source"), cols.index(
            "model's definition (this run's dates)"), cols.index("model (mean)")
        numbers = reasons = 0
        for row in table["rows"]:
            cells = row["cells"]
            if not row["visible"]:
                failures.append("%s: %s row %r is not visible" % (name, role, cells[0]))
            if not cells[cols.index("role")].startswith(role + ":"):
                failures.append("%s: %s row %r gives the role %r" % (name, role, cells[0],
                                                                   cells[cols.index("role")]))
            if not cells[source] or not cells[definition]:
                failures.append("%s: %s row %r has no source or definition" % (name, role, cells[0]))
            if NUMBER.match(cells[model]):
                numbers += 1
            elif cells[model].startswith("not computed: "):
                reasons += 1
            else:
                failures.append("%s: %s row %r shows %r: neither a number nor a reason"
                                % (name, role, cells[0], cells[model]))
        if numbers == 0:
            failures.append("%s: no %s figure has a model value" % (name, role))
        print("%s: %s table %r: %d rows with a model value, %d saying why not"
              % (name, role, cap, numbers, reasons))
    # the validation table holds history figures (they need every child's history)
    ids = [r["cells"][0] for r in tables[1]["rows"]]
    for wanted in ("sib_children_with_none_frg_2014", "placements_one_share_2020"):
        if wanted not in ids:
            failures.append("%s: the validation table has no row %r" % (name, wanted))
    return failures


def check_simulation_parts(probe, name, scenario):
    """The simulation report's own sections are there and visible; in a scenario report every
    chart sits in a figure whose visible caption names its run, and every table caption does."""
    failures = []
    sections = {s["id"]: s for s in probe["sections"]}
    for sid, title in SIM_SECTIONS + (SCENARIO_SECTIONS if scenario else ()):
        s = sections.get(sid)
        if not s:
            failures.append("%s: no section %r" % (name, sid))
        elif title not in s["title"] or not s["visible"]:
            failures.append("%s: section %r heading %r is not %r, visible" % (name, sid, s["title"], title))
        else:
            print("%s: section %r shown: %s" % (name, sid, s["title"]))
    if "reproduction" in sections:
        failures += check_reproduction(sections["reproduction"], name)
    cont = sections.get("continuity")
    if cont and "Continuity index:" not in cont["text"]:
        failures.append("%s: the continuity section does not define the continuity index" % name)
    if cont and "Share of ties kept:" not in cont["text"]:
        failures.append("%s: the continuity section does not define the share of ties kept" % name)
    if not scenario:
        return failures
    for s in probe["sections"]:
        if not s["title"].startswith(RUN_LABELS):
            failures.append("%s: section %r heading names no run: %r" % (name, s["id"], s["title"]))
    for f in probe["figures"]:
        if not f["run"] or not f["caption"] or not f["caption"].startswith(RUN_LABELS) or not f["visible"]:
            failures.append("%s: chart %r has no visible run label (run %r, caption %r)"
                            % (name, f["label"], f["run"], f["caption"]))
    for c in probe["captions"]:
        if not c["text"].startswith(RUN_LABELS) or not c["visible"]:
            failures.append("%s: table caption %r names no run or is hidden" % (name, c["text"]))
    print("%s: %d charts and %d tables labelled with their run"
          % (name, len(probe["figures"]), len(probe["captions"])))
    return failures


def check_report(binary, html_path, work, name, scenario=False):
    failures = []
    with open(html_path, encoding="utf-8") as f:
        html = f.read()
    for bad in ("<script", "<link", "src=", "@import", "url("):
        if bad in html:
            failures.append("%s: report contains %r: it must load nothing" % (name, bad))
    probe_path = os.path.join(work, name + "-probe.html")
    with open(probe_path, "w", encoding="utf-8") as f:
        f.write(html.replace("</body>", PROBE + "</body>"))
    profile = tempfile.mkdtemp(prefix="carepath-chromium-")
    try:
        dumped = run_chromium(binary, ["--dump-dom", "--force-device-scale-factor=1",
                                       "--window-size=%d,1000" % WIDTH],
                              "file://" + os.path.abspath(probe_path), profile)
        m = re.search(r'<pre id="carepath-probe">(.*?)</pre>', dumped.stdout, re.S)
        if not m:
            return failures + ["%s: the probe found nothing; chromium said: %s"
                               % (name, dumped.stderr[-800:])]
        probe = json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&")
                           .replace("&lt;", "<").replace("&gt;", ">"))
        charts = probe["charts"]
        if name == "simulation":
            failures += check_simulation_parts(probe, name, scenario)
        expected = html.count("<svg ")
        if len(charts) != expected:
            failures.append("%s: the browser found %d charts, the file has %d"
                            % (name, len(charts), expected))
        height = min(int(probe["height"]) + 20, 16000)
        shot = os.path.join(work, name + ".png")
        run_chromium(binary, ["--screenshot=" + shot, "--force-device-scale-factor=%g" % SCALE,
                              "--window-size=%d,%d" % (WIDTH, height)],
                     "file://" + os.path.abspath(html_path), profile)
        if not os.path.exists(shot):
            return failures + ["%s: chromium wrote no screenshot" % name]
        png = read_png(shot)
        for c in charts:
            label = "%s chart %d (%s)" % (name, c["index"], c["label"])
            if c["marks"] != c["points"]:
                failures.append("%s: %d marks for %d data points" % (label, c["marks"], c["points"]))
            if c["drawn"] != c["marks"] or c["marks"] == 0:
                failures.append("%s: %d of %d marks laid out with a visible box"
                                % (label, c["drawn"], c["marks"]))
            box = tuple(v * SCALE for v in (c["x"], c["y"], c["w"], c["h"]))
            pixels = coloured_pixels(png, box)
            if pixels < 20:
                failures.append("%s: only %d coloured pixels in the screenshot at %s"
                                % (label, pixels, box))
            print("%s: %d marks, %d laid out, %d coloured pixels" % (label, c["marks"], c["drawn"], pixels))
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return failures


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    carepath, data, work = sys.argv[1:]
    binary = chromium_binary()
    if not binary:
        print("SKIP: chromium is not installed (Debian: apt-get install chromium); the report was "
              "not rendered in a browser")
        return SKIP
    os.makedirs(work, exist_ok=True)
    sim_out, analyse_out = os.path.join(work, "sim"), os.path.join(work, "analyse")
    for cmd in ([carepath, "simulate", "--children", "1500", "--years", "3", "--threads", "1",
                 "--replicates", "2", "--histories", "100000", "--scenario",
                 os.path.join(data, "scenario.txt"), "--out", sim_out],
                [carepath, "analyse", os.path.join(data, "return"), "--out", analyse_out]):
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            print("FAIL: %s exited %d\n%s%s" % (" ".join(cmd), r.returncode, r.stdout, r.stderr))
            return 1
    failures = check_report(binary, os.path.join(sim_out, "report.html"), work, "simulation",
                            scenario=True)
    failures += check_report(binary, os.path.join(analyse_out, "report.html"), work, "analysis")
    if failures:
        print("FAIL:\n  " + "\n  ".join(failures))
        return 1
    print("PASS: every chart of both reports has drawn marks in headless Chromium, and the "
          "simulation report's sections and run labels are there and visible")
    return 0


if __name__ == "__main__":
    sys.exit(main())
