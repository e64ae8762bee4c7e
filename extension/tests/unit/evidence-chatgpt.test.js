// chatgpt: every evidence fixture (tests/fixtures/chatgpt/EVIDENCE.md) through the adapter.

import { evidenceTests } from './evidence-helpers.js';

evidenceTests('chatgpt');
