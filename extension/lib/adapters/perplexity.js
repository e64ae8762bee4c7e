// Perplexity (www.perplexity.ai). Submit: POST /rest/sse/perplexity_ask with
// {"params": {...}, "query_str": "..."}; the answer streams as SSE events
// carrying "blocks". Since August 2026 the answer is a workflow document (the
// "workflow_root" block): WORKFLOW_ITEM_TEXT items of variant "answer" inside
// its steps, filled by diff_block patches on field "workflow_block" (a new
// step with the first chunk, then ".../text_payload/chunks/N" adds, then the
// whole ".../text_payload/text"); the last event re-sends the whole block.
// Thinking items and research narration (WORKFLOW_ITEM_CONTENT) are not the
// answer. Before that, the answer was the "ask_text_N_markdown" blocks: whole
// markdown_blocks or diff_block patches on them (a root value with chunks,
// "/chunks/N" appends, or a cumulative answer), sections joined by one "\n";
// the "ask_text" block mirrors them and is read only when nothing else came.
// A stopped answer counts what arrived. The reconnect stream
// (.../perplexity_ask/reconnect/<uuid>) is not a submit: see EVIDENCE.md.
// Evidence: tests/fixtures/perplexity/EVIDENCE.md.

import { tryJson, createSseParser } from '../capture/stream.js';
import { countScripts } from '../capture/scripts.js';
import { cleanModes, cleanModel, pathOf } from './common.js';

const SUBMIT_PATH = /^\/rest\/sse\/perplexity_ask\/?$/;
const MARKDOWN = /^ask_text_\d+_markdown$/;
// Model identifiers that reason: pplx_reasoning, gpt54_thinking, claude46sonnetthinking, gemini31pro_high,
// glm_5_2, grok45medium, nv_nemotron_3_ultra, ...; not grok4nonthinking or grok41nonreasoning.
const REASONING = /(?<!non)(?:think|reason)|\br1\b|o3|gemini31pro|nemotron|^glm_|^grok4\d*medium$/i;
const RESEARCH_MODELS = new Set(['pplx_alpha', 'pplx_agentic_research']); // deep research, Model Council
const WORKFLOW_FIELD = 'workflow_block';
const MAX_WORKFLOWS = 8; // workflow blocks kept per answer
const MAX_PATH_KEYS = 16; // keys of one patch path
const MAX_LIST = 100000; // items a patch may grow one list to

function modesOf(params) {
  const modes = [];
  const sources = Array.isArray(params.sources) ? params.sources : ['web'];
  if (sources.includes('web') && params.search_focus !== 'writing') modes.push('web_search');
  const pref = String(params.model_preference || '');
  const mode = String(params.mode || '');
  // The site sends mode "copilot" with model_preference pplx_alpha (deep research) or
  // pplx_agentic_research (Model Council); mode "research" is an older form.
  if (/research/i.test(mode) || RESEARCH_MODELS.has(pref)) modes.push('deep_research');
  const compared = Array.isArray(params.compare_model_preferences) ? params.compare_model_preferences : [];
  if (REASONING.test(pref) || compared.some((m) => typeof m === 'string' && REASONING.test(m))) modes.push('reasoning');
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

/** One key of a JSON pointer, unescaped. */
function keyOf(raw) {
  return raw.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A list index named by a pointer key, or -1 ("-" is the end of the list). */
function indexOf(list, key) {
  if (key === '-') return list.length;
  return /^\d{1,9}$/.test(key) ? Number(key) : -1;
}

/**
 * One workflow block as a document, patched in place ("add"/"replace" at a
 * JSON pointer). Bounded: a path walks only existing nodes, a list grows by
 * one item at its end at most, and an "add" at a taken index replaces that
 * item (a patch delivered twice counts once).
 */
function createWorkflow() {
  let doc = null;
  const set = (value) => {
    doc = value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  };
  const put = (node, key, value) => {
    if (Array.isArray(node)) {
      const i = indexOf(node, key);
      if (i >= 0 && i < node.length) node[i] = value;
      else if (i === node.length && i < MAX_LIST) node.push(value);
    } else if (key !== '__proto__') {
      node[key] = value;
    }
  };
  return {
    set,
    patch(p) {
      if ((p.op !== 'add' && p.op !== 'replace') || typeof p.path !== 'string') return;
      if (p.path === '') {
        set(p.value);
        return;
      }
      if (!doc || p.path[0] !== '/') return;
      const keys = p.path.split('/', MAX_PATH_KEYS + 2).slice(1);
      if (keys.length > MAX_PATH_KEYS) return;
      let node = doc;
      for (let k = 0; k < keys.length - 1; k += 1) {
        const key = keyOf(keys[k]);
        node = Array.isArray(node) ? node[indexOf(node, key)] : Object.hasOwn(node, key) ? node[key] : undefined;
        if (!node || typeof node !== 'object') return;
      }
      put(node, keyOf(keys[keys.length - 1]), p.value);
    },
    /** The text of each answer item: its whole text, or its chunks when they hold more. */
    answers() {
      const out = [];
      const steps = doc && Array.isArray(doc.steps) ? doc.steps : [];
      for (const step of steps) {
        for (const item of step && Array.isArray(step.items) ? step.items : []) {
          if (!item || item.type !== 'WORKFLOW_ITEM_TEXT') continue;
          const tp = item.payload && item.payload.text_payload;
          if (!tp || typeof tp !== 'object') continue;
          if ((tp.variant || item.variant) !== 'answer') continue; // thinking items are not the answer
          const whole = typeof tp.text === 'string' ? tp.text : '';
          const joined = Array.isArray(tp.chunks) ? tp.chunks.filter((c) => typeof c === 'string').join('') : '';
          const text = whole.length >= joined.length ? whole : joined;
          if (text) out.push(text);
        }
      }
      return out;
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
    const workflows = new Map(); // workflow_root -> document
    const modes = new Set();
    let model = null;
    let parsed = false;
    let complete = false;
    const onBlock = (block) => {
      const usage = block.intended_usage;
      if (usage === 'web_results' || usage === 'pro_search_steps') modes.add('web_search');
      if (usage === 'reasoning_plan_block') modes.add('reasoning');
      const diff = block.diff_block;
      const patches = diff && Array.isArray(diff.patches) ? diff.patches : null;
      if (typeof usage === 'string' && (block[WORKFLOW_FIELD] || (patches && diff.field === WORKFLOW_FIELD))) {
        if (!workflows.has(usage) && workflows.size < MAX_WORKFLOWS) workflows.set(usage, createWorkflow());
        const flow = workflows.get(usage);
        if (!flow) return;
        if (block[WORKFLOW_FIELD]) flow.set(block[WORKFLOW_FIELD]); // a whole block (the last event re-sends it)
        if (patches && diff.field === WORKFLOW_FIELD) for (const p of patches) if (p && typeof p === 'object') flow.patch(p);
        return;
      }
      let target = null;
      if (typeof usage === 'string' && MARKDOWN.test(usage)) {
        if (!markdown.has(usage)) markdown.set(usage, createBlock());
        target = markdown.get(usage);
      } else if (usage === 'ask_text') {
        target = mirror;
      }
      if (!target) return;
      if (block.markdown_block) target.setValue(block.markdown_block);
      if (patches && (diff.field === undefined || diff.field === 'markdown_block')) {
        for (const p of patches) if (p && typeof p === 'object') target.patch(p);
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
      if (msg.search_mode === 'RESEARCH' || msg.mode === 'RESEARCH' || RESEARCH_MODELS.has(msg.display_model)) {
        modes.add('deep_research');
      }
      if (msg.final_sse_message === true) complete = true;
      for (const block of Array.isArray(msg.blocks) ? msg.blocks : []) if (block) onBlock(block);
    });
    return {
      push: (t) => sse.push(t),
      finish() {
        sse.end();
        // The workflow's answer items; else the markdown sections, joined as the site joins them; else the mirror.
        const flow = [...workflows.values()].flatMap((w) => w.answers());
        const sections = [...markdown.values()].map((b) => b.text()).filter(Boolean);
        const text = flow.length > 0 ? flow.join('\n') : sections.length > 0 ? sections.join('\n') : mirror.text();
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
