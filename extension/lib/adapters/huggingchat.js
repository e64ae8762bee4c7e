// HuggingChat (huggingface.co/chat). Submit: POST /chat/conversation/<id>
// with a multipart form whose "data" field is JSON. Since the 2025 rewrite it
// is {"inputs"?, "id", "is_retry", "resumeElicitationId"?, "is_continue",
// "generationId", "selectedMcpServerNames", "selectedMcpServers", "timezone"}:
// a regenerate (is_retry on an answer) and the resumption of a tool call
// parked on a question to the user (resumeElicitationId) carry no "inputs";
// older pages sent "web_search" and "tools". The reply is newline-delimited
// JSON: {"type":"status","status":"started"|"keepAlive"|"finished"},
// {"type":"routerMetadata","model"} (the model the Omni router picked),
// {"type":"stream","token":...} deltas (padded with NUL characters;
// reasoning models put <think>...</think> inline in them), {"type":"tool",
// "subtype":"call"|"result"|...} for MCP tool runs (web search among them),
// {"type":"reasoning",...} updates, {"type":"finalAnswer","text",
// "interrupted"} (followed by 4096 spaces and no newline), {"type":"file",...}
// for images. A reload reattaches to a running answer through an EventSource
// (GET .../stream): not a new prompt, not counted. See
// tests/fixtures/huggingchat/EVIDENCE.md.

import { tryJson, createLineSplitter } from '../capture/stream.js';
import { countScripts } from '../capture/scripts.js';
import { cleanModes, cleanModel, createAnswer, pathOf } from './common.js';

const SUBMIT_PATH = /^\/chat\/conversation\/[0-9a-f]{24}\/?$/;

const NUL = String.fromCharCode(0);
// MCP tools that search the web (HuggingChat's own: Exa's web_search_exa).
const SEARCH_TOOL = /web[_-]?search|search[_-]?web/i;

/**
 * The answer as the server keeps it: the final text, except after tool runs,
 * when the final text holds only the last round and the server merges it
 * with the text streamed before the tools ran. A stopped answer's final text
 * is what the user saw (the server cuts it back to the stop point).
 */
export function answerText(streamed, finalText, hadTools, interrupted = false) {
  if (finalText === null) return streamed;
  if (!hadTools || !streamed) return finalText;
  if (streamed.endsWith(finalText)) return streamed;
  if (interrupted && streamed.startsWith(finalText)) return finalText;
  if (finalText.startsWith(streamed)) return finalText;
  return `${streamed}\n\n${finalText}`;
}

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
    if (!req || typeof req !== 'object') return null;
    const inputs = typeof req.inputs === 'string' ? req.inputs : null;
    // Without inputs only a new answer to the same turn: a regenerate, a
    // continue (older pages), or a parked tool call resumed after the user
    // answered its question (its text is new: the server writes after what
    // the first run left).
    if (inputs === null && req.is_retry !== true && req.is_continue !== true
      && typeof req.resumeElicitationId !== 'string') return null;
    const modes = [];
    const tools = Array.isArray(req.tools) ? req.tools.join(' ') : '';
    if (req.web_search || /websearch|web_search|fetch_url/.test(tools)) modes.push('web_search');
    if (/image_gen|flux|stable/.test(tools)) modes.push('image_generation');
    return { model: null, modes: cleanModes(modes), prompt: inputs === null ? {} : countScripts(inputs), context: null };
  },

  createReader() {
    let streamed = '';
    let finalText = null;
    let images = 0;
    let webSearch = false;
    let hadTools = false;
    let interrupted = false;
    let model = null;
    let parsed = false;
    let complete = false;
    const lines = createLineSplitter((line) => {
      const msg = tryJson(line.split(NUL).join('').trim());
      if (!msg || typeof msg.type !== 'string') return;
      parsed = true;
      // The padding is inside the token, as an escaped NUL.
      if (msg.type === 'stream' && typeof msg.token === 'string') streamed += msg.token.split(NUL).join('');
      if (msg.type === 'finalAnswer') {
        if (typeof msg.text === 'string') finalText = msg.text;
        interrupted = msg.interrupted === true;
        complete = !interrupted;
      }
      // The server says "finished" after a stopped answer too.
      if (msg.type === 'status' && msg.status === 'finished' && !interrupted) complete = true;
      if (msg.type === 'routerMetadata' && typeof msg.model === 'string' && msg.model) model = msg.model;
      if (msg.type === 'file' && /^image\//.test(msg.mime || '')) images += 1;
      if (msg.type === 'webSearch') webSearch = true;
      if (msg.type === 'tool') {
        hadTools = true;
        const call = msg.call || (msg.result && msg.result.call);
        if (call && SEARCH_TOOL.test(String(call.name || ''))) webSearch = true;
      }
    });
    return {
      push: (t) => lines.push(t),
      finish() {
        lines.end();
        const answer = createAnswer();
        answer.replace(withoutThinking(answerText(streamed, finalText, hadTools, interrupted)));
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
