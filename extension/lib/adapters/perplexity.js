// Perplexity (www.perplexity.ai). Submit: POST /rest/sse/perplexity_ask with
// {"params": {...}, "query_str": "..."}; the answer streams as SSE events
// whose "blocks" carry a markdown_block. A block either resends the answer
// ("answer") or sends the chunks from index "chunk_starting_offset" on.

import { tryJson, createSseParser } from '../stream.js';
import { countScripts } from '../scripts.js';
import { cleanModes, cleanModel, createAnswer, pathOf } from './common.js';

const SUBMIT_PATH = /^\/rest\/sse\/perplexity_ask\/?$/;

function modesOf(params) {
  const modes = [];
  const sources = Array.isArray(params.sources) ? params.sources : ['web'];
  if (sources.includes('web') && params.search_focus !== 'writing') modes.push('web_search');
  const pref = `${params.model_preference || ''} ${params.mode || ''}`;
  if (/research|pplx_alpha/.test(pref)) modes.push('deep_research');
  if (/reasoning|think/.test(pref)) modes.push('reasoning');
  if (/image|labs/.test(params.mode || '')) modes.push('image_generation');
  return modes;
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
    const answer = createAnswer();
    let chunks = [];
    let model = null;
    const onBlock = (block) => {
      if (!block || block.intended_usage !== 'ask_text' || !block.markdown_block) return;
      const md = block.markdown_block;
      if (typeof md.answer === 'string') {
        chunks = [md.answer];
      } else if (Array.isArray(md.chunks)) {
        // chunk_starting_offset is the index in the list of chunks where the
        // chunks of this event go; earlier chunks were sent before.
        const offset = Number.isInteger(md.chunk_starting_offset) ? md.chunk_starting_offset : 0;
        chunks.length = Math.min(offset, chunks.length);
        chunks.push(...md.chunks.filter((c) => typeof c === 'string'));
      }
      answer.replace(chunks.join(''));
    };
    const sse = createSseParser(({ event, data }) => {
      if (event === 'end_of_stream') return;
      const msg = tryJson(data);
      if (!msg || typeof msg !== 'object') return;
      if (msg.display_model) model = msg.display_model;
      for (const block of Array.isArray(msg.blocks) ? msg.blocks : []) onBlock(block);
    });
    return {
      push: (t) => sse.push(t),
      finish() {
        sse.end();
        return { response: answer.counts(), images: 0, model: cleanModel(model) };
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
