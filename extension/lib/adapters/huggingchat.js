// HuggingChat (huggingface.co/chat). Submit: POST /chat/conversation/<id>
// with a multipart form whose "data" field is JSON ({"inputs", "id",
// "is_retry", "is_continue", "tools"}). The reply is newline-delimited JSON:
// {"type":"status","status":"started"}, {"type":"routerMetadata","model"}
// (the model the Omni router picked), {"type":"stream","token":...} deltas
// (padded with NUL characters; reasoning models put <think>...</think> inline
// in them), {"type":"reasoning",...} updates, {"type":"finalAnswer","text",
// "interrupted"} at the end, {"type":"file",...} for images. See
// tests/fixtures/huggingchat/EVIDENCE.md.

import { tryJson, createLineSplitter } from '../capture/stream.js';
import { countScripts } from '../capture/scripts.js';
import { cleanModes, cleanModel, createAnswer, pathOf } from './common.js';

const SUBMIT_PATH = /^\/chat\/conversation\/[0-9a-f]{24}\/?$/;

/** Text without its inline reasoning: <think>...</think> blocks, and an unclosed one to the end. */
export function withoutThinking(text) {
  if (text.indexOf('<think') === -1) return text;
  return text.replace(/<think(?:ing)?>[\s\S]*?(?:<\/think(?:ing)?>|$)/g, '').replace(/^\s+/, '');
}

/** The "data" field of a multipart or urlencoded form, or the body itself. */
function dataField(body) {
  const multipart = /name="data"\r?\n(?:[^\r\n]+\r?\n)*\r?\n([\s\S]*?)\r?\n--/.exec(body);
  if (multipart) return multipart[1];
  if (/^data=/.test(body)) return new URLSearchParams(body).get('data');
  return body;
}

export default {
  service: 'huggingchat',
  label: 'HuggingChat',
  hosts: ['huggingface.co'],
  matches: ['https://huggingface.co/chat*'],

  isSubmit({ url, method }) {
    return method === 'POST' && SUBMIT_PATH.test(pathOf(url));
  },

  parseRequest(body) {
    const req = tryJson(dataField(typeof body === 'string' ? body : ''));
    if (!req || typeof req.inputs !== 'string') return null;
    const modes = [];
    const tools = Array.isArray(req.tools) ? req.tools.join(' ') : '';
    if (req.web_search || /websearch|web_search|fetch_url/.test(tools)) modes.push('web_search');
    if (/image_gen|flux|stable/.test(tools)) modes.push('image_generation');
    return { model: null, modes: cleanModes(modes), prompt: countScripts(req.inputs), context: null };
  },

  createReader() {
    let streamed = '';
    let finalText = null;
    let images = 0;
    let webSearch = false;
    let model = null;
    let parsed = false;
    let complete = false;
    const lines = createLineSplitter((line) => {
      const msg = tryJson(line.split(String.fromCharCode(0)).join('').trim());
      if (!msg || typeof msg.type !== 'string') return;
      parsed = true;
      if (msg.type === 'stream' && typeof msg.token === 'string') streamed += msg.token;
      if (msg.type === 'finalAnswer') {
        if (typeof msg.text === 'string') finalText = msg.text;
        if (msg.interrupted !== true) complete = true;
      }
      if (msg.type === 'status' && msg.status === 'finished') complete = true;
      if (msg.type === 'routerMetadata' && typeof msg.model === 'string' && msg.model) model = msg.model;
      if (msg.type === 'file' && /^image\//.test(msg.mime || '')) images += 1;
      if (msg.type === 'webSearch') webSearch = true;
    });
    return {
      push: (t) => lines.push(t),
      finish() {
        lines.end();
        const answer = createAnswer();
        answer.replace(withoutThinking(finalText !== null ? finalText : streamed));
        const modes = [];
        if (images > 0) modes.push('image_generation');
        if (webSearch) modes.push('web_search');
        return { response: answer.counts(), images, model: cleanModel(model), modes, complete, parsed };
      },
    };
  },

  dom: {
    user: '[data-message-role="user"], [data-message-type="user"]',
    assistant: '[data-message-role="assistant"], [data-message-type="assistant"]',
    input: 'textarea',
    send: 'button[name="submit"], button[type="submit"]',
  },
};
