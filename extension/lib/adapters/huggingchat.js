// HuggingChat (huggingface.co/chat). Submit: POST /chat/conversation/<id>
// with a multipart form whose "data" field is JSON ({"inputs", "id",
// "is_retry", "web_search", "tools"}). The reply is newline-delimited JSON:
// {"type":"stream","token":...} deltas (padded with NUL characters),
// {"type":"finalAnswer","text":...}, {"type":"file",...} for images.

import { tryJson, createLineSplitter } from '../stream.js';
import { countScripts } from '../scripts.js';
import { cleanModes, createAnswer, pathOf } from './common.js';

const SUBMIT_PATH = /^\/chat\/conversation\/[0-9a-f]{24}\/?$/;

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
    const answer = createAnswer();
    let finalText = null;
    let images = 0;
    let webSearch = false;
    const lines = createLineSplitter((line) => {
      const msg = tryJson(line.split(String.fromCharCode(0)).join('').trim());
      if (!msg || typeof msg.type !== 'string') return;
      if (msg.type === 'stream' && typeof msg.token === 'string') answer.append(msg.token);
      if (msg.type === 'finalAnswer' && typeof msg.text === 'string') finalText = msg.text;
      if (msg.type === 'file' && /^image\//.test(msg.mime || '')) images += 1;
      if (msg.type === 'webSearch') webSearch = true;
    });
    return {
      push: (t) => lines.push(t),
      finish() {
        lines.end();
        if (finalText !== null) answer.replace(finalText);
        const modes = [];
        if (images > 0) modes.push('image_generation');
        if (webSearch) modes.push('web_search');
        return { response: answer.counts(), images, model: null, modes };
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
