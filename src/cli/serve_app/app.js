// app.js - the web app of `corroborate serve` (embedded in the binary): a page per route of
// the hash (#/ stories and search, #/story/ID, #/article/ID, #/add), filled from the JSON API.
// Every string from the store goes in with textContent (el() below), never as HTML.
'use strict';

const main = document.getElementById('main');

// el('p', {class: 'x'}, 'text', child...): an element; strings become text nodes.
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === 'text') e.textContent = v;
    else e.setAttribute(k, String(v));
  }
  for (const k of kids) {
    if (k === null || k === undefined) continue;
    e.append(typeof k === 'string' || typeof k === 'number' ? document.createTextNode(String(k)) : k);
  }
  return e;
}

async function api(path, opts) {
  const res = await fetch(path, opts);
  let data = null;
  try { data = await res.json(); } catch (err) { data = null; }
  if (!res.ok) throw new Error((data && data.error) || ('HTTP ' + res.status));
  return data;
}

function show(view, ...nodes) {
  main.replaceChildren(...nodes);
  document.body.dataset.view = view;
  document.body.dataset.ready = String(Number(document.body.dataset.ready || 0) + 1);
}

function failed(view, err) { show(view, el('p', {class: 'error', id: 'error'}, err.message)); }

function dates(first, last) {
  if (!first && !last) return 'undated';
  return first === last || !last ? first : first + ' – ' + last;
}

function storyItem(s) {
  return el('li', {class: 'story', 'data-id': s.id, 'data-articles': s.articles},
    el('a', {href: '#/story/' + s.id}, s.headline || '(no headline)'),
    el('div', {class: 'meta'},
      s.articles + ' article' + (s.articles === 1 ? '' : 's') + ' · ' + s.outlets + ' outlet' +
      (s.outlets === 1 ? '' : 's') + ' · ' + dates(s.first, s.last)));
}

function searchForm(p) {
  const input = (name, label, type) => el('input', {name, type: type || 'search', placeholder: label,
    'aria-label': label, value: p.get(name) || ''});
  const f = el('form', {class: 'search', id: 'search'}, input('q', 'Words'), input('outlet', 'Outlet'),
    input('from', 'From (YYYY-MM-DD)', 'text'), input('to', 'To (YYYY-MM-DD)', 'text'),
    el('button', {type: 'submit'}, 'Search'));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const name of ['q', 'outlet', 'from', 'to']) {
      const v = f.elements[name].value.trim();
      if (v) q.set(name, v);
    }
    location.hash = '#/' + (q.toString() ? '?' + q.toString() : '');
  });
  return f;
}

async function viewStories(query) {
  const p = new URLSearchParams(query);
  const form = searchForm(p);
  try {
    const data = await api('/api/stories?' + p.toString());
    const list = el('ul', {class: 'list', id: 'stories'}, ...data.stories.map(storyItem));
    const what = data.count + ' stor' + (data.count === 1 ? 'y' : 'ies') +
      (p.toString() ? ' found' : ', newest first');
    show('stories', el('h1', {}, 'Stories'), form, el('p', {class: 'count', id: 'count'}, what), list);
  } catch (err) {
    show('stories', el('h1', {}, 'Stories'), form, el('p', {class: 'error', id: 'error'}, err.message));
  }
}

function memberItem(m) {
  const copy = m.duplicate_of
    ? ' · copy of #' + m.duplicate_of + ' (' + Math.round(m.similarity * 100) + '%)' : '';
  return el('li', {class: 'article', 'data-id': m.id},
    el('a', {href: '#/article/' + m.id}, m.title || '(article ' + m.id + ', no title)'),
    el('div', {class: 'meta'}, (m.outlet || 'outlet unknown') + ' · ' + (m.published || 'undated') + copy));
}

async function viewStory(id) {
  try {
    const s = await api('/api/stories/' + id);
    show('story', el('h1', {id: 'headline'}, s.headline || '(no headline)'),
      el('p', {class: 'meta'}, s.articles + ' articles · ' + s.outlets + ' outlets · ' +
        s.duplicates + ' near-duplicates · ' + dates(s.first, s.last)),
      el('p', {}, el('a', {class: 'button', id: 'brief-link', href: '/stories/' + id + '/brief'},
        'Open the brief')),
      el('h2', {}, 'Articles'), el('ul', {class: 'list', id: 'members'}, ...s.members.map(memberItem)));
  } catch (err) { failed('story', err); }
}

function droppedItem(d) {
  return el('li', {}, el('span', {class: 'reason'}, d.reason), ' ', el('q', {}, d.text),
    el('span', {class: 'meta'}, ' — ' + (d.why || '')));
}

async function viewArticle(id) {
  try {
    const a = await api('/api/articles/' + id);
    const facts = [a.outlet, a.author, a.published && ('published ' + a.published), a.url, a.file]
      .filter(Boolean).join(' · ');
    const paras = (a.body || '').split(/\n\n+/).map((t) => el('p', {}, t));
    show('article', el('h1', {id: 'title'}, a.title || '(no title)'), el('p', {class: 'meta'}, facts),
      el('div', {class: 'body', id: 'body'}, ...paras),
      a.captions && a.captions.length ? el('h2', {}, 'Captions') : null,
      el('ul', {class: 'captions'}, ...(a.captions || []).map((c) => el('li', {}, c))),
      el('h2', {}, 'Dropped boilerplate (' + (a.dropped || []).length + ')'),
      el('ul', {class: 'dropped', id: 'dropped'}, ...(a.dropped || []).map(droppedItem)));
  } catch (err) { failed('article', err); }
}

function resultItem(a) {
  return el('li', {'data-article': a.id, 'data-story': a.story},
    el('a', {href: '#/story/' + a.story}, a.title || '(article ' + a.id + ')'),
    el('span', {class: 'meta'}, (a.added ? ' · stored as #' : ' · already stored as #') + a.id +
      ' in story ' + a.story));
}

async function submitAdd(form, out) {
  const token = form.elements.token.value.trim();
  const file = form.elements.file.files[0];
  const body = file ? await file.arrayBuffer() : form.elements.text.value;
  const q = new URLSearchParams();
  const name = form.elements.name.value.trim() || (file ? file.name : '');
  if (name) q.set('name', name);
  q.set('format', form.elements.format.value);
  const headers = {'Content-Type': 'text/plain; charset=utf-8'};
  if (token) { headers.Authorization = 'Bearer ' + token; sessionStorage.setItem('cb-token', token); }
  try {
    const r = await api('/api/ingest?' + q.toString(), {method: 'POST', headers, body});
    out.replaceChildren(el('p', {id: 'added'}, r.added + ' new, ' + r.known + ' already stored'),
      el('ul', {class: 'list', id: 'results'}, ...r.articles.map(resultItem)));
  } catch (err) {
    out.replaceChildren(el('p', {class: 'error', id: 'error'}, err.message));
  }
  document.body.dataset.ready = String(Number(document.body.dataset.ready || 0) + 1);
}

function viewAdd() {
  const fmt = el('select', {name: 'format', 'aria-label': 'Format'},
    ...['auto', 'text', 'html', 'jsonl', 'warc'].map((f) => el('option', {value: f}, f)));
  const form = el('form', {id: 'add'},
    el('textarea', {name: 'text', id: 'text', placeholder: 'Paste an article: title, date, text…'}),
    el('div', {class: 'row'}, el('label', {}, 'or a file ', el('input', {type: 'file', name: 'file'})),
      el('input', {name: 'name', placeholder: 'name (optional)', 'aria-label': 'Name'}), fmt,
      el('input', {name: 'token', type: 'password', placeholder: 'token (if the server has one)',
        'aria-label': 'Token', value: sessionStorage.getItem('cb-token') || ''})),
    el('button', {type: 'submit', id: 'submit'}, 'Add'));
  const out = el('div', {id: 'outcome'});
  form.addEventListener('submit', (ev) => { ev.preventDefault(); submitAdd(form, out); });
  show('add', el('h1', {}, 'Add articles'),
    el('p', {class: 'meta'}, 'The article is stored and the stories are brought up to date.'), form, out);
}

function route() {
  const h = location.hash || '#/';
  let m;
  if ((m = /^#\/story\/([1-9][0-9]{0,15})$/.exec(h))) return viewStory(m[1]);
  if ((m = /^#\/article\/([1-9][0-9]{0,15})$/.exec(h))) return viewArticle(m[1]);
  if (h === '#/add') return viewAdd();
  const i = h.indexOf('?');
  return viewStories(i >= 0 ? h.slice(i + 1) : '');
}

window.addEventListener('hashchange', route);
route();
