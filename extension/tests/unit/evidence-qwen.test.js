// The qwen adapter over every evidence fixture of tests/fixtures/qwen/ (see its
// EVIDENCE.md): each variant's request, answer counts, model, modes and end
// marker; a cut-off stream is not complete and junk is not parsed.
import { evidenceTests } from './evidence-helpers.js';

evidenceTests('qwen');
