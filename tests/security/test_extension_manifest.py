"""The built extension asks for nothing beyond what it needs: storage, nativeMessaging, alarms and scripting, and host
access to the supported chat and search sites only (no <all_urls>, no tabs, webRequest, cookies, history, ...).

`scripting` serves only to register Wattprint's own content scripts at run time, on the sites the user left on (a
site switched off gets none); it cannot reach beyond the host permissions.

The permissions come from extension/scripts/manifest.mjs (host permissions and content-script matches are generated
from the adapters and the search-engine table). SUPPORTED_HOSTS below is the reviewed list: a new site must be added
here on purpose, so a broad or unexpected host cannot slip into a release unnoticed.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from tests.e2e.support import DIST, EXTENSION

ALLOWED_PERMISSIONS = {"storage", "nativeMessaging", "alarms", "scripting"}
SUPPORTED_HOSTS = {
    # chat services (one adapter each)
    "chatgpt.com", "chat.openai.com", "claude.ai", "gemini.google.com", "copilot.microsoft.com", "www.perplexity.ai",
    "perplexity.ai", "chat.deepseek.com", "chat.mistral.ai", "grok.com", "www.meta.ai", "meta.ai", "chat.qwen.ai",
    "huggingface.co", "www.kimi.com", "kimi.com", "kimi.moonshot.cn", "www.kimi.ai", "kimi.ai",
    # search engines (their result pages only)
    "www.google.com", "www.bing.com", "duckduckgo.com", "html.duckduckgo.com", "lite.duckduckgo.com",
    "search.yahoo.com", "www.ecosia.org", "search.brave.com", "www.startpage.com", "www.qwant.com", "www.baidu.com",
    "yandex.com", "yandex.ru", "kagi.com",
    "ya.ru", "yandex.com.tr", "yandex.kz", "yandex.by", "yandex.uz", "yandex.az",
    # reviewed with the 2026 search evidence (tests/fixtures/search/*/EVIDENCE.md): mirrors and regional hosts of the
    # same engines, and Baidu's AI search
    "www2.bing.com", "www4.bing.com", "cn.bing.com", "noai.duckduckgo.com", "safe.duckduckgo.com",
    "start.duckduckgo.com", "eu.startpage.com", "us.startpage.com", "chat.baidu.com",
    "yandex.com.am", "yandex.ee", "yandex.eu", "yandex.com.ge", "yandex.co.il", "yandex.lt", "yandex.lv", "yandex.md",
    "yandex.tj", "yandex.tm",
}  # fmt: skip
# Country domains, reviewed as rules rather than one by one (Google publishes about 190 of them): Google's search on
# www.google.<country suffix>, Yahoo's regional result hosts. Both are path-limited to their result pages.
COUNTRY_HOSTS = (
    re.compile(r"^www\.google\.(?:com|cat|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})$"),
    re.compile(r"^[a-z]{2,7}\.search\.yahoo\.com$"),
)
# Hosts that serve far more than search or chat: only their search/chat paths may be matched.
_BING = ("/search", "/images/search", "/videos/search", "/news/search", "/copilotsearch")
_YANDEX = ("/search", "/images/search", "/video/search", "/video/touch/search")
_YANDEX_TLDS = ("com", "ru", "com.tr", "kz", "by", "uz", "az", "com.am", "ee", "eu", "com.ge", "co.il", "lt", "lv",
                "md", "tj", "tm")  # fmt: skip
PATH_LIMITED = {"www.google.com": ("/search",), "huggingface.co": ("/chat",), "www.baidu.com": ("/s",),
                "chat.baidu.com": ("/search",), "search.yahoo.com": ("/search",), "ya.ru": (*_YANDEX, "/neuralsearch"),
                **{host: _BING for host in ("www.bing.com", "www2.bing.com", "www4.bing.com", "cn.bing.com")},
                **{f"yandex.{tld}": _YANDEX for tld in _YANDEX_TLDS}}  # fmt: skip
PATTERN = re.compile(r"^https://([a-z0-9.-]+)(/.*)$")


def _manifest(browser: str) -> dict:
    path = DIST / browser / "manifest.json"
    if not path.exists():
        subprocess.run(["npm", "--prefix", str(EXTENSION), "run", "--silent", "build"], check=True, timeout=300)
    return json.loads(path.read_text())


@pytest.mark.parametrize("browser", ["chromium", "firefox"])
def test_permissions_are_the_allowed_few(browser):
    m = _manifest(browser)
    assert set(m["permissions"]) <= ALLOWED_PERMISSIONS, m["permissions"]
    for key in ("optional_permissions", "optional_host_permissions", "externally_connectable",
                "web_accessible_resources", "content_security_policy", "update_url", "oauth2", "chrome_url_overrides",
                "devtools_page", "sandbox"):  # fmt: skip
        assert key not in m, f"{browser} manifest has {key}: {m[key]}"
    assert m["manifest_version"] == 3


@pytest.mark.parametrize("browser", ["chromium", "firefox"])
def test_host_access_is_limited_to_the_supported_sites(browser):
    m = _manifest(browser)
    hosts = m["host_permissions"]
    assert hosts
    for pattern in hosts:
        found = PATTERN.match(pattern)
        assert found, f"not an https pattern for one host: {pattern}"
        host, path = found.groups()
        country = any(rule.match(host) for rule in COUNTRY_HOSTS)
        assert host in SUPPORTED_HOSTS or country, f"{pattern}: {host} is not a supported site"
        limits = PATH_LIMITED.get(host, ("/search",) if country else ())
        if limits:
            assert path.startswith(limits), f"{pattern} reaches beyond {host}{limits}"
    text = json.dumps(m)
    assert "<all_urls>" not in text
    assert "*://" not in text
    assert "http://" not in text
    # Content scripts are registered by the worker (extension/lib/content-scripts.js), none declared here; any that
    # were would run only where host access was granted, never in every frame.
    assert "content_scripts" not in m
    for script in m.get("content_scripts", []):
        assert set(script["matches"]) <= set(hosts), script["matches"]
        assert script.get("all_frames") is False
        assert "match_about_blank" not in script
        assert "exclude_matches" not in script or set(script["exclude_matches"]) <= set(hosts)


def test_firefox_identity_and_data_collection():
    gecko = _manifest("firefox")["browser_specific_settings"]["gecko"]
    assert gecko["id"] == "wattprint@wattprint.org"
    assert gecko["data_collection_permissions"]["required"] == ["none"]
