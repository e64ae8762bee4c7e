// Qwen Chat (chat.qwen.ai). Submit: POST /api/v2/chat/completions?chat_id=...
// (or /api/chat/completions) with an OpenAI-like body; messages carry
// chat_type (t2t, search, t2i, image_edit, t2v, i2v, deep_research,
// artifacts, web_dev, slides, ...) and feature_config (thinking_enabled; since
// 2026 thinking_mode "Auto" / "Thinking" / "Fast" / "Disabled"). The answer
// streams as SSE with choices[0].delta, whose "phase" separates thinking
// ("think", since 2026 "thinking_summary" with the text in
// extra.summary_thought), search ("web_search") and image steps (image_gen,
// image_edit, ... with the image's URL as the content) from the answer
// ("answer"). The answer phase's status "finished" or "response.completed"
// ends the stream. Video (t2v, i2v) is sent with stream:false: the reply is one
// JSON object naming a task (data.messages[].extra.wanx.task_id) that the
// page polls elsewhere. See tests/fixtures/qwen/EVIDENCE.md.

import { tryJson, createSseParser } from '../capture/stream.js';
import { cleanModes, cleanModel, createAnswer, pathOf, contentText, countAll } from './common.js';

const SUBMIT_PATH = /^\/api(?:\/v\d+)?\/chat\/completions\/?$/;
const CHAT_TYPE_MODES = {
  search: 'web_search',
  t2i: 'image_generation',
  image_edit: 'image_generation',
  deep_research: 'deep_research',
  artifacts: 'canvas',
  web_dev: 'canvas',
  slides: 'canvas',
};
// Phases of the model's reasoning (not the answer).
const THINK_PHASES = new Set(['think', 'thinking_summary']);
// Phases whose content is a generated image's URL.
const IMAGE_PHASES = new Set(['image_gen', 'image_edit', 'image_gen_tool', 'image_edit_tool']);
const MAX_IMAGES = 64;
const MAX_JSON_REPLY = 256 * 1024;

/** Whether the request asks for reasoning: thinking_mode when the page sends it, else thinking_enabled. */
function thinkingAsked(config) {
  if (!config || typeof config !== 'object') return false;
  // "Auto" lets the model decide: the stream says whether it thought.
  if (typeof config.thinking_mode === 'string') return config.thinking_mode.toLowerCase() === 'thinking';
  return Boolean(config.thinking_enabled);
}

/** What a non-streamed JSON reply (video) says: {parsed, complete}. */
function readJsonReply(text) {
  const reply = tryJson(text);
  if (!reply || typeof reply !== 'object' || typeof reply.success !== 'boolean') return { parsed: false, complete: false };
  if (reply.success === false) return { parsed: true, complete: false };
  const messages = reply.data && Array.isArray(reply.data.messages) ? reply.data.messages : null;
  if (!messages) return { parsed: false, complete: false };
  const task = messages.some((m) => m && m.extra && m.extra.wanx && m.extra.wanx.task_id);
  return { parsed: true, complete: task };
}

export default {
  service: 'qwen',
  label: 'Qwen Chat',
  hosts: ['chat.qwen.ai'],
  matches: ['https://chat.qwen.ai/*'],

  isSubmit({ url, method }) {
    return method === 'POST' && SUBMIT_PATH.test(pathOf(url));
  },

  parseRequest(body) {
    const req = tryJson(body);
    if (!req || !Array.isArray(req.messages) || req.messages.length === 0) return null;
    const msgs = req.messages.filter((m) => m && typeof m === 'object');
    const last = msgs[msgs.length - 1];
    if (!last || last.role !== 'user') return null;
    const modes = [];
    if (CHAT_TYPE_MODES[last.chat_type]) modes.push(CHAT_TYPE_MODES[last.chat_type]);
    if (thinkingAsked(last.feature_config)) modes.push('reasoning');
    // With incremental_output the client sends only the new turn; when it
    // sends history, that is the context the model re-reads.
    const earlier = msgs.slice(0, -1).map((m) => contentText(m.content));
    return {
      model: cleanModel(req.model || (Array.isArray(last.models) ? last.models[0] : null)),
      modes: cleanModes(modes),
      prompt: countAll([contentText(last.content)]),
      context: earlier.length ? countAll(earlier) : null,
    };
  },

  createReader() {
    const answer = createAnswer();
    const urls = new Set(); // generated images, each counted once
    let imagesWithoutUrl = 0; // finished image steps whose URL was not in the content
    let parsed = false;
    let complete = false;
    let failed = false;
    let searched = false;
    let thought = false;
    let model = null;
    let answerId = null; // the response whose answer is counted (a second one in the stream is not)
    let kind = null; // 'sse' or 'json', from the reply's first character
    let json = '';

    const onData = (data) => {
      if (data === '[DONE]') {
        complete = true;
        return;
      }
      const msg = tryJson(data);
      if (!msg || typeof msg !== 'object') return;
      if (msg['response.created'] || msg['response.completed']) parsed = true;
      if (msg['response.completed']) complete = true;
      if (msg.error || msg.success === false) {
        parsed = true;
        failed = true;
        return;
      }
      const details = msg.usage && msg.usage.output_tokens_details;
      if (details && details.reasoning_tokens > 0) thought = true;
      const choice = Array.isArray(msg.choices) && msg.choices[0];
      const delta = choice && choice.delta;
      if (!delta || typeof delta !== 'object') return;
      parsed = true;
      if (typeof msg.model === 'string') model = msg.model;
      const phase = delta.phase || 'answer';
      const content = delta.content;
      if (delta.status === 'error') failed = true;
      if (phase === 'answer') {
        const id = typeof msg.response_id === 'string' ? msg.response_id : null;
        if (typeof content === 'string' && content && (!id || !answerId || id === answerId)) {
          if (id && !answerId) answerId = id;
          answer.append(content);
        }
        if (delta.status === 'finished') complete = true;
      } else if (THINK_PHASES.has(phase)) {
        thought = true;
      } else if (phase === 'web_search') {
        searched = true;
      } else if (IMAGE_PHASES.has(phase)) {
        // The URL may come while the step is still "typing", and again when it is finished.
        if (typeof content === 'string' && /^https?:\/\//.test(content)) {
          if (urls.size < MAX_IMAGES) urls.add(content);
        } else if (delta.status === 'finished') {
          imagesWithoutUrl += 1;
        }
      }
      if (choice.finish_reason === 'stop') complete = true;
    };
    const sse = createSseParser(({ data }) => onData(data));
    return {
      push(text) {
        if (kind === null) {
          const start = text.trimStart();
          if (!start) return;
          kind = start[0] === '{' ? 'json' : 'sse';
        }
        if (kind === 'sse') sse.push(text);
        else if (json !== null) json = json.length + text.length <= MAX_JSON_REPLY ? json + text : null; // too large: not read
      },
      finish() {
        if (kind === 'json') {
          const reply = typeof json === 'string' ? readJsonReply(json) : { parsed: false, complete: false };
          return { response: {}, images: 0, model: null, modes: [], ...reply };
        }
        sse.end();
        const images = urls.size || imagesWithoutUrl;
        const modes = [];
        if (images > 0) modes.push('image_generation');
        if (searched) modes.push('web_search');
        if (thought) modes.push('reasoning');
        return { response: answer.counts(), images, model: cleanModel(model), modes: cleanModes(modes),
          complete: complete && !failed, parsed };
      },
    };
  },

  dom: {
    user: '.chat-user-message, [class*="user-message"]',
    assistant: '.chat-response-message, [class*="response-message-content"]',
    input: 'textarea#chat-input, textarea',
    send: 'button#send-message-button, button[type="submit"]',
  },
};
