/*
 * html_assets.c - CSS and JavaScript embedded in every HTML brief. The script only
 * filters findings by verdict and marks the page as loaded (data-cb-ready, which the
 * Chromium test reads); the page is complete without it.
 */
#include "report/html_assets.h"

const char cb_html_css[] =
  ":root{--agree:#2e7d32;--compatible:#7cb342;--conflict:#c62828;--variant:#ef8f00;--single:#8a8f98;"
  "--fact:#1e6fb8;--ink:#1d232b;--muted:#5b6470;--line:#d7dce2;--bg:#fbfbfa}"
  "*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
  "color:var(--ink);background:var(--bg)}main{max-width:1180px;margin:0 auto;padding:16px 24px 64px}"
  "h1{font-size:1.6em;margin:.6em 0 .1em}h2{font-size:1.2em;margin:1.6em 0 .5em;border-bottom:2px solid var(--line);padding-bottom:.2em}"
  "h3{font-size:1.02em;margin:1em 0 .3em}.sub{color:var(--muted)}a{color:#0b5cad}"
  "header.top{background:#26313d;color:#fff;padding:10px 24px}header.top b{letter-spacing:.04em}"
  "nav.stories a{color:#cfe3ff;margin-right:1em}"
  "table{border-collapse:collapse;margin:.4em 0;font-size:.92em}th,td{border:1px solid var(--line);padding:4px 7px;vertical-align:top;text-align:left}"
  "th{background:#eef1f4}.matrix{overflow-x:auto}.matrix td.c{text-align:center;min-width:5.5em;font-size:.88em}"
  ".matrix td.c a{color:#fff;text-decoration:none;display:block}.matrix th.src{writing-mode:vertical-rl;transform:rotate(180deg);max-height:12em;white-space:nowrap}"
  ".v-agree{background:var(--agree);color:#fff}.v-compatible{background:var(--compatible);color:#fff}"
  ".v-conflict{background:var(--conflict);color:#fff}.v-variant{background:var(--variant);color:#fff}"
  ".v-uncertain{background:var(--variant);color:#fff}.frame{color:#555;font-size:.85em}"
  ".v-single{background:var(--single);color:#fff}.v-fact{background:var(--fact);color:#fff}"
  ".chip{display:inline-block;border-radius:3px;padding:0 6px;font-size:.8em;font-weight:600;text-transform:uppercase;letter-spacing:.03em}"
  ".legend span{margin-right:.6em}.finding{border-left:4px solid var(--line);padding:4px 10px;margin:8px 0;background:#fff}"
  ".finding.v-conflict,.finding.v-agree,.finding.v-compatible,.finding.v-variant,.finding.v-single,"
  ".finding.v-uncertain{background:#fff;color:var(--ink)}"
  ".finding.v-conflict{border-color:var(--conflict)}.finding.v-agree{border-color:var(--agree)}.finding.v-compatible{border-color:var(--compatible)}"
  ".finding.v-variant{border-color:var(--variant)}.finding.v-single{border-color:var(--single)}"
  ".finding.v-uncertain{border-color:var(--variant);border-style:dashed}"
  ".finding .why{color:var(--muted)}.finding ul{margin:.2em 0;padding-left:1.2em}"
  ".sbs{display:flex;gap:10px;flex-wrap:wrap;margin:.4em 0}.sbs blockquote{flex:1 1 260px;margin:0;padding:8px 10px;background:#f4f6f8;border-left:3px solid var(--variant)}"
  ".sbs cite{display:block;font-style:normal;color:var(--muted);font-size:.88em;margin-top:.3em}mark.diff{background:#ffe08a;padding:0 1px}"
  ".tl{position:relative;margin:.5em 0}.tl .row{display:grid;grid-template-columns:9em minmax(180px,1fr) minmax(280px,1.5fr);gap:8px;align-items:center;border-bottom:1px dotted var(--line);padding:2px 0}"
  ".tl .track{position:relative;height:14px;background:#eef1f4;border-radius:7px}.tl .bar{position:absolute;top:2px;height:10px;min-width:10px;border-radius:5px;background:var(--fact)}"
  ".tl .bar.month,.tl .bar.year{opacity:.55}.tl .what{font-size:.86em}.tl .axis{border-bottom:none}.tl .ends{display:flex;justify-content:space-between;color:var(--muted);font-size:.8em}"
  ".flags li{margin:.3em 0}.flag-kind{font-weight:600;color:var(--conflict)}"
  "article.src{background:#fff;border:1px solid var(--line);border-radius:4px;padding:8px 14px;margin:12px 0}"
  "article.src .body{white-space:pre-wrap;font-family:Georgia,'Times New Roman',serif;font-size:.95em;max-height:32em;overflow:auto}"
  ".cited{background:#eaf2fb}.cited:target,.anchor:target+*{background:#ffe9a8;outline:2px solid #f0b400}mark{background:#d6e9ff;color:inherit}"
  ".dup{color:var(--muted);font-size:.9em}.hidden{display:none}"
  "@media print{.filter{display:none}article.src .body{max-height:none}}";

const char cb_html_js[] =
  "(function(){var d=document;"
  "d.querySelectorAll('.filter input').forEach(function(box){box.addEventListener('change',function(){"
  "d.querySelectorAll('.finding.v-'+box.value).forEach(function(f){f.classList.toggle('hidden',!box.checked);});});});"
  "d.documentElement.setAttribute('data-cb-ready',String(d.querySelectorAll('.finding').length));})();";
