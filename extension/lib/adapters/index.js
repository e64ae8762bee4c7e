// The site adapters, one module per chatbot. Service ids match the host's
// catalogue.

import chatgpt from './chatgpt.js';
import claude from './claude.js';
import gemini from './gemini.js';
import copilot from './copilot.js';
import perplexity from './perplexity.js';
import deepseek from './deepseek.js';
import lechat from './lechat.js';
import grok from './grok.js';
import metaai from './metaai.js';
import qwen from './qwen.js';
import huggingchat from './huggingchat.js';
import kimi from './kimi.js';

export const ADAPTERS = Object.freeze([
  chatgpt, claude, gemini, copilot, perplexity, deepseek, lechat, grok, metaai, qwen, huggingchat, kimi,
]);

/** The adapter for a page, by host name and path, or null. */
export function adapterForPage(hostname, pathname) {
  for (const a of ADAPTERS) {
    if (!a.hosts.includes(hostname)) continue;
    if (a.service === 'huggingchat' && !/^\/chat(?:\/|$)/.test(pathname || '')) continue;
    return a;
  }
  return null;
}

/** The adapter with this service id, or null. */
export function adapterById(service) {
  return ADAPTERS.find((a) => a.service === service) || null;
}
