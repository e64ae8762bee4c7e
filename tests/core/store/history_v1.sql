-- A history database at schema version 1, written by hand (frozen: do not change it when the schema moves on).
CREATE TABLE interactions (
    id TEXT PRIMARY KEY, ts TEXT NOT NULL, epoch REAL NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL,
    service TEXT NOT NULL, model TEXT, modes TEXT NOT NULL DEFAULT '[]', prompt TEXT NOT NULL DEFAULT '{}',
    response TEXT NOT NULL DEFAULT '{}', context TEXT NOT NULL DEFAULT '{}', prompt_tokens INTEGER,
    response_tokens INTEGER, context_tokens INTEGER, images INTEGER NOT NULL DEFAULT 0,
    video_seconds REAL NOT NULL DEFAULT 0, duration_ms INTEGER, browser TEXT, page TEXT,
    energy_low REAL NOT NULL, energy_central REAL NOT NULL, energy_high REAL NOT NULL,
    co2_low REAL NOT NULL, co2_central REAL NOT NULL, co2_high REAL NOT NULL,
    water_low REAL NOT NULL, water_central REAL NOT NULL, water_high REAL NOT NULL,
    tok_prompt INTEGER NOT NULL, tok_response INTEGER NOT NULL, tok_context INTEGER NOT NULL,
    tok_reasoning INTEGER NOT NULL, sources TEXT NOT NULL DEFAULT '[]', warnings TEXT NOT NULL DEFAULT '[]',
    model_version TEXT NOT NULL, received TEXT NOT NULL
);
CREATE INDEX interactions_day ON interactions (day);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO interactions VALUES
 ('6f1c2b9e-8a55-4c1e-9a62-3f1d2c4b5a01', '2026-11-03T09:00:00.000000Z', 1793696400.0, '2026-11-03', 'chat', 'chatgpt',
  NULL, '[]', '{"latin":100}', '{"latin":800}', '{}', NULL, NULL, NULL, 0, 0, 5000, 'chromium', 'https://chatgpt.com',
  0.1, 0.3, 0.9, 0.04, 0.12, 0.36, 0.1, 1.0, 3.0, 25, 200, 0, 0, '["ecologits"]', '[]', '2026.10+0000000a',
  '2026-11-03T09:00:01.000000Z'),
 ('6f1c2b9e-8a55-4c1e-9a62-3f1d2c4b5a02', '2026-11-04T09:00:00.000000Z', 1793782800.0, '2026-11-04', 'chat', 'claude',
  'claude-sonnet-4-5', '["reasoning"]', '{"latin":50}', '{"latin":2000}', '{}', NULL, NULL, NULL, 0, 0, NULL,
  'firefox', 'https://claude.ai', 0.2, 0.5, 1.5, 0.05, 0.2, 0.6, 0.2, 1.5, 4.0, 13, 500, 0, 800, '["ecologits"]',
  '["reasoning tokens are hidden"]', '2026.10+0000000a', '2026-11-04T09:00:01.000000Z'),
 ('6f1c2b9e-8a55-4c1e-9a62-3f1d2c4b5a03', '2026-11-05T09:00:00.000000Z', 1793869200.0, '2026-11-05', 'search', 'google',
  NULL, '[]', '{"latin":20}', '{}', '{}', NULL, NULL, NULL, 0, 0, NULL, 'chromium', 'https://www.google.com',
  0.01, 0.03, 0.09, 0.004, 0.012, 0.036, 0.01, 0.1, 0.3, 0, 0, 0, 0, '["google-2009"]', '[]', '2026.10+0000000a',
  '2026-11-05T09:00:01.000000Z');
INSERT INTO settings VALUES ('excluded_sites', '["claude"]');
PRAGMA user_version = 1;
