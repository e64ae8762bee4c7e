// Meta AI (www.meta.ai). Submit: POST to a GraphQL endpoint (/api/graphql/)
// with a form body whose fb_api_req_friendly_name names a send-message
// mutation and whose "variables" JSON holds the prompt
// (message.sensitive_string_value). The reply is a series of JSON documents,
// one per line, each with the whole bot message so far ("snippet") and, for
// images, an imagine_card.

import { tryJson, createLineSplitter } from '../stream.js';
import { countScripts } from '../scripts.js';
import { cleanModes, createAnswer, pathOf } from './common.js';

const GRAPHQL_PATH = /^\/api\/graphql\/?$/;
const SEND_MUTATION = /SendMessage|SendPrompt/i;

function formParams(body) {
  try {
    return new URLSearchParams(body);
  } catch {
    return null;
  }
}

function findBotMessage(doc) {
  const data = doc && doc.data;
  if (!data || typeof data !== 'object') return null;
  const node = data.node || data.xfb_abra_send_message || data.xfb_silverstone_send_message;
  if (node && node.bot_response_message) return node.bot_response_message;
  for (const v of Object.values(data)) {
    if (v && typeof v === 'object' && v.bot_response_message) return v.bot_response_message;
  }
  return null;
}

export default {
  service: 'metaai',
  label: 'Meta AI',
  hosts: ['www.meta.ai', 'meta.ai'],
  matches: ['https://www.meta.ai/*', 'https://meta.ai/*'],

  isSubmit({ url, method }) {
    return method === 'POST' && GRAPHQL_PATH.test(pathOf(url));
  },

  parseRequest(body) {
    const params = formParams(body);
    if (!params || !SEND_MUTATION.test(params.get('fb_api_req_friendly_name') || '')) return null;
    const vars = tryJson(params.get('variables'));
    const msg = vars && vars.message;
    const text = msg && (msg.sensitive_string_value || msg.text);
    if (typeof text !== 'string') return null;
    const modes = [];
    if (vars.imagineOperationRequest || /imagine/i.test(vars.entrypoint || '')) modes.push('image_generation');
    if (/think|reason/i.test(vars.mode || '')) modes.push('reasoning');
    return { model: null, modes: cleanModes(modes), prompt: countScripts(text), context: null };
  },

  createReader() {
    const answer = createAnswer();
    let images = 0;
    const lines = createLineSplitter((line) => {
      const bot = findBotMessage(tryJson(line.trim()));
      if (!bot) return;
      if (typeof bot.snippet === 'string') answer.replace(bot.snippet);
      const sets = bot.imagine_card && bot.imagine_card.session && bot.imagine_card.session.media_sets;
      if (Array.isArray(sets)) {
        images = sets.reduce((n, s) => n + (Array.isArray(s.imagine_media) ? s.imagine_media.length : 0), 0);
      }
    });
    return {
      push: (t) => lines.push(t),
      finish() {
        lines.end();
        return { response: answer.counts(), images, model: null, modes: images > 0 ? ['image_generation'] : [] };
      },
    };
  },

  dom: {
    user: '[data-testid="user-message"], div[class*="UserMessage"]',
    assistant: '[data-testid="assistant-message"], div[class*="BotMessage"]',
    input: 'textarea, [contenteditable="true"]',
    send: 'div[aria-label="Send Message"], button[aria-label*="Send" i]',
  },
};
