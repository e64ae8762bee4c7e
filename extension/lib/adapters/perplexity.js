// Perplexity (www.perplexity.ai). Submit: POST /rest/sse/perplexity_ask with
// {"params": {...}, "query_str": "..."}; the answer streams as SSE events
// whose "blocks" carry the answer in the "ask_text_0_markdown" block: either
// as a whole markdown_block or, with the schematized API, as diff_block
// patches on it (a root value with chunks, "/chunks/N" appends, or a
// cumulative answer). The "ask_text" block mirrors the same answer and is read
// only when no markdown block came. A stopped answer counts what arrived.
// Evidence: tests/fixtures/perplexity/EVIDENCE.md.

import { tryJson, createSseParser } from '../capture/stream.js';
import { countScripts } from '../capture/scripts.js';
import { cleanModes, cleanModel, pathOf } from './common.js';

const SUBMIT_PATH = /^\/rest\/sse\/perplexity_ask\/?$/;
const MARKDOWN = /^ask_text_\d+_markdown$/;
// Model identifiers that reason: pplx_reasoning, gpt54_thinking, claude46sonnetthinking, gemini31pro_high, ...
const REASONING = /think|reason|\br1\b|o3|gemini31pro|nemotron/i;

function modesOf(params) {
  const modes = [];
  const sources = Array.isArray(params.sources) ? params.sources : ['web'];
  if (sources.includes('web') && params.search_focus !== 'writing') modes.push('web_search');
  const pref = String(params.model_preference || '');
  const mode = String(params.mode || '');
  if (/research/i.test(mode) || pref === 'pplx_alpha') modes.push('deep_research');
  if (REASONING.test(pref)) modes.push('reasoning');
  if (/image|labs/i.test(mode)) modes.push('image_generation');
  return modes;
}

/** One answer block's text, patched in place. */
function createBlock() {
  let chunks = [];
  let whole = null; // a cumulative answer string, when the site sends one
  const setChunks = (list, offset) => {
    const from = Number.isInteger(offset) ? offset : 0;
    chunks.length = Math.min(from, chunks.length);
    for (const c of list) if (typeof c === 'string') chunks.push(c);
  };
  const setValue = (v) => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v.chunks)) setChunks(v.chunks, v.chunk_starting_offset);
    if (typeof v.answer === 'string' && v.answer) whole = v.answer;
  };
  return {
    setValue,
    patch(p) {
      const path = typeof p.path === 'string' ? p.path : '';
      const m = /^\/chunks\/(\d+)$/.exec(path);
      if (path === '' || path === '/markdown_block') setValue(p.value);
      else if (m && typeof p.value === 'string') chunks[Number(m[1])] = p.value;
      else if (path === '/chunks' && Array.isArray(p.value)) setChunks(p.value, 0);
      else if ((path === '/answer' || path === '/markdown_block/answer') && typeof p.value === 'string') whole = p.value;
    },
    text() {
      const joined = chunks.join('');
      return whole !== null && whole.length >= joined.length ? whole : joined;
    },
  };
}

export default {
  service: 'perplexity',
  label: 'Perplexity',
  hosts: ['www.perplexity.ai', 'perplexity.ai'],
  matches: ['https://www.perplexity.ai/*', 'https://perplexity.ai/*'],

  isSubmit({ url, method }) {
    return method === 'POST' && SUBMIT_PATH.test(pathOf(url));
  },

  parseRequest(body) {
    const req = tryJson(body);
    if (!req || typeof req.query_str !== 'string') return null;
    const params = req.params && typeof req.params === 'object' ? req.params : {};
    return {
      model: cleanModel(params.model_preference),
      modes: cleanModes(modesOf(params)),
      prompt: countScripts(req.query_str),
      context: null,
    };
  },

  createReader() {
    const markdown = new Map(); // ask_text_N_markdown -> block
    const mirror = createBlock(); // ask_text
    const modes = new Set();
    let model = null;
    let parsed = false;
    let complete = false;
    const onBlock = (block) => {
      const usage = block.intended_usage;
      if (usage === 'web_results' || usage === 'pro_search_steps') modes.add('web_search');
      if (usage === 'reasoning_plan_block') modes.add('reasoning');
      let target = null;
      if (typeof usage === 'string' && MARKDOWN.test(usage)) {
        if (!markdown.has(usage)) markdown.set(usage, createBlock());
        target = markdown.get(usage);
      } else if (usage === 'ask_text') {
        target = mirror;
      }
      if (!target) return;
      if (block.markdown_block) target.setValue(block.markdown_block);
      const diff = block.diff_block;
      if (diff && Array.isArray(diff.patches) && (diff.field === undefined || diff.field === 'markdown_block')) {
        for (const p of diff.patches) if (p && typeof p === 'object') target.patch(p);
      }
    };
    const sse = createSseParser(({ event, data }) => {
      if (event === 'end_of_stream') {
        complete = true;
        return;
      }
      const msg = tryJson(data);
      if (!msg || typeof msg !== 'object' || Array.isArray(msg)) return;
      if (!Array.isArray(msg.blocks) && msg.status === undefined && msg.backend_uuid === undefined) return;
      parsed = true;
      if (typeof msg.display_model === 'string' && msg.display_model) model = msg.display_model;
      if (msg.mode === 'RESEARCH' || msg.display_model === 'pplx_alpha') modes.add('deep_research');
      if (msg.final_sse_message === true) complete = true;
      for (const block of Array.isArray(msg.blocks) ? msg.blocks : []) if (block) onBlock(block);
    });
    return {
      push: (t) => sse.push(t),
      finish() {
        sse.end();
        const text = markdown.size > 0 ? [...markdown.values()].map((b) => b.text()).join('') : mirror.text();
        if (REASONING.test(model || '')) modes.add('reasoning');
        return { response: countScripts(text), images: 0, model: cleanModel(model), modes: cleanModes([...modes]),
          complete, parsed };
      },
    };
  },

  dom: {
    user: 'h1.group\\/query, [class*="group/query"], span.select-text',
    assistant: 'div[id^="markdown-content-"]',
    input: 'textarea, #ask-input, [contenteditable="true"]',
    send: 'button[aria-label="Submit"], button[data-testid="submit-button"]',
  },
};
