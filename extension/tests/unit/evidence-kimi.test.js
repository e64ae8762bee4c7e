// The kimi adapter over every evidence fixture of tests/fixtures/kimi/ (see its
// EVIDENCE.md): each variant's request, answer counts, model, modes and end
// marker; a cut-off stream is not complete and junk is not parsed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceTests } from './evidence-helpers.js';
import kimi, { scenarioModel, modelKeySlug, noticeModel } from '../../lib/adapters/kimi.js';
import { connectEnvelope } from '../e2e/fixture-encoding.mjs';

evidenceTests('kimi');

test('kimi: scenarios as model slugs (K2D5 runs K2.6; K2D6 and K3 as some clients send them)', () => {
  assert.equal(scenarioModel('SCENARIO_K2D5'), 'k2.6');
  assert.equal(scenarioModel('SCENARIO_K2D6'), 'k2.6');
  assert.equal(scenarioModel('SCENARIO_K3'), 'k3');
  assert.equal(scenarioModel('SCENARIO_K3_THINKING'), 'k3');
  assert.equal(scenarioModel('SCENARIO_K2'), 'k2');
  for (const s of ['SCENARIO_CHAT', 'SCENARIO_OK_COMPUTER', 'SCENARIO_OK_COMPUTER_SWARM', 'SCENARIO_SEARCH', '', undefined]) {
    assert.equal(scenarioModel(s), null, String(s));
  }
});

test('kimi: the page\'s model keys (options.model) as slugs', () => {
  assert.equal(modelKeySlug('k2d6-chat'), 'k2.6');
  assert.equal(modelKeySlug('k2d6'), 'k2.6');
  assert.equal(modelKeySlug('k28-agent-preview'), 'k2.8');
  assert.equal(modelKeySlug('k3-agent'), 'k3');
  assert.equal(modelKeySlug('k3-agent-swarm'), 'k3');
  assert.equal(modelKeySlug('moonshot-v1'), 'moonshot-v1');
  assert.equal(modelKeySlug(''), null);
  assert.equal(modelKeySlug(42), null);
});

test('kimi: options.model wins over the scenario; the swarm is K3 with no made-up mode', () => {
  const body = (obj) => new TextDecoder().decode(connectEnvelope(JSON.stringify(obj)));
  const url = 'https://www.kimi.ai/apiv2/kimi.gateway.chat.v1.ChatService/Chat';
  const message = { role: 'user', blocks: [{ text: { content: 'hi' } }] };
  const swarm = kimi.parseRequest(body({ scenario: 'SCENARIO_OK_COMPUTER_SWARM', kimi_plus_id: 'ok-computer', message,
    options: { thinking: true, reasoning_effort: 'REASONING_EFFORT_MAX', model: 'k3-agent-swarm', agent_mode: 'TYPE_ULTRA' } }), { url });
  assert.equal(swarm.model, 'k3');
  assert.deepEqual(swarm.modes, ['reasoning']);
  const k2d6 = kimi.parseRequest(body({ scenario: 'SCENARIO_K2D6', message, options: { thinking: false } }), { url });
  assert.equal(k2d6.model, 'k2.6');
  assert.deepEqual(k2d6.modes, []);
  // Thinking on with no effort ("Standard") is not reasoning.
  const none = kimi.parseRequest(body({ scenario: 'SCENARIO_CHAT', message,
    options: { thinking: true, reasoning_effort: 'REASONING_EFFORT_NONE', model: 'k2d6-chat' } }), { url });
  assert.deepEqual(none.modes, []);
  // The search switch alone (on by default) is not a web search.
  const on = kimi.parseRequest(body({ scenario: 'SCENARIO_CHAT', message, tools: [{ type: 'TOOL_TYPE_SEARCH', search: {} }],
    options: { thinking: false, model: 'k2d6-chat' } }), { url });
  assert.deepEqual(on.modes, []);
});

test('kimi: a degrade notice is read only when it names one model', () => {
  assert.equal(noticeModel('当前使用人数较多，已为你切换至K2.6快速模式'), 'k2.6');
  assert.equal(noticeModel('Switched to K2.6.'), 'k2.6');
  assert.equal(noticeModel('K3 is busy, switched to K2.6'), null);
  assert.equal(noticeModel('Kimi is busy right now'), null);
  assert.equal(noticeModel(undefined), null);
});

test('kimi: the global domain kimi.ai is a host of the adapter', () => {
  for (const h of ['www.kimi.ai', 'kimi.ai', 'www.kimi.com']) assert.ok(kimi.hosts.includes(h), h);
  for (const m of ['https://www.kimi.ai/*', 'https://kimi.ai/*']) assert.ok(kimi.matches.includes(m), m);
});
