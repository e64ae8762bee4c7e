// Claude (claude.ai). Submit: POST
// /api/organizations/<org>/chat_conversations/<id>/completion (or
// retry_completion) with a JSON body; the answer streams as SSE in the
// Messages API event shapes (content_block_delta with text_delta).

import { tryJson, createSseParser } from '../stream.js';
import { countScripts } from '../scripts.js';
import { cleanModes, cleanModel, createAnswer, pathOf } from './common.js';

const SUBMIT_PATH = /^\/api\/organizations\/[^/]+\/chat_conversations\/[^/]+\/(?:retry_)?completion\/?$/;

function toolModes(tools) {
  const modes = [];
  for (const t of Array.isArray(tools) ? tools : []) {
    const name = `${(t && t.type) || ''} ${(t && t.name) || ''}`;
    if (/web_search/.test(name)) modes.push('web_search');
    if (/research|compass/.test(name)) modes.push('deep_research');
    if (/artifacts?/.test(name)) modes.push('canvas');
  }
  return modes;
}

export default {
  service: 'claude',
  label: 'Claude',
  hosts: ['claude.ai'],
  matches: ['https://claude.ai/*'],

  isSubmit({ url, method }) {
    return method === 'POST' && SUBMIT_PATH.test(pathOf(url));
  },

  parseRequest(body) {
    const req = tryJson(body);
    if (!req || typeof req !== 'object') return null;
    const modes = toolModes(req.tools);
    if (req.paprika_mode === 'extended' || req.thinking === true || (req.thinking && req.thinking.type === 'enabled')) {
      modes.push('reasoning');
    }
    if (req.research_mode || req.compass_mode) modes.push('deep_research');
    return {
      model: cleanModel(req.model),
      modes: cleanModes(modes),
      prompt: countScripts(typeof req.prompt === 'string' ? req.prompt : ''),
      context: null,
    };
  },

  createReader() {
    const answer = createAnswer();
    const blockTypes = new Map();
    let model = null;
    const sse = createSseParser(({ data }) => {
      const ev = tryJson(data);
      if (!ev || typeof ev !== 'object') return;
      if (ev.type === 'message_start' && ev.message && ev.message.model) model = ev.message.model;
      if (ev.type === 'content_block_start' && ev.content_block) {
        blockTypes.set(ev.index, ev.content_block.type);
        if (ev.content_block.type === 'text') answer.append(ev.content_block.text || '');
      }
      if (ev.type === 'content_block_delta' && ev.delta && ev.delta.type === 'text_delta') {
        const type = blockTypes.get(ev.index);
        if (type === undefined || type === 'text') answer.append(ev.delta.text);
      }
    });
    return {
      push: (text) => sse.push(text),
      finish() {
        sse.end();
        return { response: answer.counts(), images: 0, model: cleanModel(model) };
      },
    };
  },

  dom: {
    user: '[data-testid="user-message"]',
    assistant: '.font-claude-response, [class*="font-claude-response"]',
    input: '[contenteditable="true"], textarea',
    send: 'button[aria-label*="Send" i]',
  },
};
