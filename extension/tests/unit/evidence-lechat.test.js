// lechat: every evidence fixture (tests/fixtures/lechat/EVIDENCE.md) through the adapter.

import { evidenceTests } from './evidence-helpers.js';

evidenceTests('lechat');
