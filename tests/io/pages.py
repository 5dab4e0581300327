# ruff: noqa: E501  (one line of markup per part of the page reads better than wrapped strings)
"""News pages in the shapes of real sites, around any article: for the HTML reader's tests (with
invented articles) and for ``bench/webpages.py`` (with BBC articles, built at run time, never saved).

Each shape wraps the article in the furniture sites put around it: a menu, a cookie banner, a share
bar, related links, reader comments, a sidebar, a footer; some mark it with ``nav``/``aside``,
most with plain ``div``s and class names, one with hashed class names, one with a layout table.
All furniture text here is invented; the comments name people and companies in sentences that
would give relations ("Brian Keller works for Norvale Foods"), so a leak shows in the graph.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["FURNITURE", "SHAPES", "Page", "news_page"]


@dataclass(frozen=True)
class Page:
    shape: str
    html: str
    headline: str
    paragraphs: tuple[str, ...]
    furniture: tuple[str, ...]  # every piece of page furniture's text: none may reach the graph


MENU = ("Home", "World", "Business", "Climate", "Sport", "Culture", "Travel")
COOKIE = (
    "We and our 214 partners use cookies to store and access information on your device.",
    "You can change your choices at any time by visiting Privacy Settings.",
    "Accept all cookies",
)
SHARE = ("Share on Facebook", "Share on WhatsApp", "Copy link")
RELATED = (
    "Harbor Steel sues Kestrel Mining over unpaid ore",
    "Why the Lindqvist Group wants to buy Tamber Rail",
    "Osric Bank warns of a slow winter for retailers",
)
COMMENTS = (
    ("Brian Keller", "Brian Keller works for Norvale Foods and says this report is nonsense."),
    ("Maria Olsen", "Norvale Foods accused the Harlow Growers Union of lying to its members."),
    ("Dev Patel", "The Cardew Institute has long been allied with Norvale Foods, everyone knows it."),
)
SIDEBAR = (
    "Most read",
    "Fenwick Motors recalls 40,000 vans in Ostmark",
    "Tessaly Airways pilots vote to strike",
)
NEWSLETTER = ("Sign up for our morning briefing.", "Get the day's top business stories in your inbox.")
FOOTER = ("Contact us", "Terms of use", "© 2025 The Daily Meridian. All rights reserved.")
FURNITURE = (
    *MENU,
    *COOKIE,
    *SHARE,
    *RELATED,
    *(name for name, _ in COMMENTS),
    *(text for _, text in COMMENTS),
    *SIDEBAR,
    *NEWSLETTER,
    *FOOTER,
)

_e = html.escape


def _links(items: tuple[str, ...], li: str = "li") -> str:
    return "".join(f'<{li}><a href="/{i}">{_e(t)}</a></{li}>' for i, t in enumerate(items))


def _ps(paragraphs: tuple[str, ...], attrs: str = "") -> str:
    return "".join(f"<p{attrs}>{_e(p)}</p>\n" for p in paragraphs)


def _comments(wrap: str, item: str) -> str:
    rows = "".join(
        item.format(name=_e(name), text=_e(text), n=i) for i, (name, text) in enumerate(COMMENTS, start=1)
    )
    return wrap.format(rows=rows, count=len(COMMENTS))


def _head(headline: str) -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{_e(headline)} - The Daily Meridian"
        "</title><meta property='article:published_time' content='2025-03-04T09:00:00Z'>"
        "<script>window.dataLayer=[];</script><style>.x{color:red}</style></head>\n"
    )


def semantic(h: str, ps: tuple[str, ...]) -> str:
    return f"""<body><header><a href="/">The Daily Meridian</a></header>
<nav><ul>{_links(MENU)}</ul></nav>
<main><article><h1>{_e(h)}</h1>{_ps(ps)}</article></main>
<aside><h2>{SIDEBAR[0]}</h2><ul>{_links(SIDEBAR[1:])}</ul></aside>
<section id="comments"><h2>Comments</h2>{_comments("{rows}", "<article><h3>{name}</h3><p>{text}</p></article>")}</section>
<footer><ul>{_links(FOOTER)}</ul></footer></body></html>"""


def div_classes(h: str, ps: tuple[str, ...]) -> str:
    return f"""<body><div class="site-header"><div class="logo">The Daily Meridian</div>
<div class="menu"><ul>{_links(MENU)}</ul></div></div>
<div class="cookie-banner"><p>{COOKIE[0]}</p><p>{COOKIE[1]}</p><button>{COOKIE[2]}</button></div>
<div class="content"><div class="article-header"><h1>{_e(h)}</h1></div>
<div class="share-bar"><ul>{_links(SHARE)}</ul></div>
<div class="article-body">{_ps(ps)}</div>
<div class="related"><h3>Related stories</h3><ul>{_links(RELATED)}</ul></div>
<div class="comments">{_comments("<h3>{count} comments</h3>{rows}", '<div class="comment"><div class="comment-author">{name}</div><div class="comment-text">{text}</div></div>')}</div>
</div><div class="sidebar"><h3>{SIDEBAR[0]}</h3><ul>{_links(SIDEBAR[1:])}</ul></div>
<div class="footer">{_links(FOOTER, "span")}</div></body></html>"""


def bbc_like(h: str, ps: tuple[str, ...]) -> str:
    blocks = "".join(f'<div data-component="text-block"><p>{_e(p)}</p></div>' for p in ps)
    return f"""<body><div id="orb-banner"><div class="orb-nav">{_links(MENU, "span")}</div></div>
<div id="cookiePrompt" class="cookie-prompt"><p>{COOKIE[0]}</p><p>{COOKIE[1]}</p></div>
<div id="main-content"><article><header><h1 id="main-heading">{_e(h)}</h1></header>
<div data-component="byline-block">By Lena Hart, economics reporter</div>{blocks}
<div data-component="links-block"><h2>Related topics</h2>{_links(RELATED, "div")}</div></article>
<div data-component="most-read"><h2>{SIDEBAR[0]}</h2><ol>{_links(SIDEBAR[1:])}</ol></div></div>
<div id="orb-footer">{_links(FOOTER, "span")}</div></body></html>"""


def wordpress(h: str, ps: tuple[str, ...]) -> str:
    item = (
        '<li class="comment"><article class="comment-body"><div class="comment-author vcard">'
        '<b class="fn">{name}</b> <span class="says">says:</span></div>'
        '<div class="comment-content"><p>{text}</p></div></article></li>'
    )
    return f"""<body class="post-template"><div id="page" class="site"><div id="masthead">
<div class="main-navigation"><ul id="primary-menu">{_links(MENU)}</ul></div></div>
<div id="content" class="site-content"><div id="primary" class="content-area"><div class="post">
<h1 class="entry-title">{_e(h)}</h1><div class="entry-content">{_ps(ps)}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul>{_links(SHARE)}</ul></div>
</div></div><div id="comments" class="comments-area">{_comments('<h2 class="comments-title">{count} thoughts</h2><ol class="comment-list">{rows}</ol>', item)}</div></div>
<div id="secondary" class="widget-area"><div class="widget"><h2 class="widget-title">{SIDEBAR[0]}</h2><ul>{_links(SIDEBAR[1:])}</ul></div></div>
</div><div id="colophon" class="site-footer">{_links(FOOTER, "span")}</div></div></body></html>"""


def hashed(h: str, ps: tuple[str, ...]) -> str:
    body = "".join(
        f'<div data-testid="paragraph-{i}" class="text__text__1FZLe">{_e(p)}</div>' for i, p in enumerate(ps)
    )
    return f"""<body><div class="site-header__3a9Xq" data-testid="Navigation">{_links(MENU, "div")}</div>
<div id="onetrust-banner-sdk"><div id="onetrust-policy-text">{COOKIE[0]} {COOKIE[1]}</div><button id="onetrust-accept-btn-handler">{COOKIE[2]}</button></div>
<div class="article__main__33WV2"><h1 class="text__heading__2b1Xx" data-testid="Heading">{_e(h)}</h1>
<div class="social-share__2ZmBx" data-testid="ShareButtons">{_links(SHARE, "div")}</div>
<div class="article-body__container__3ypuX">{body}</div>
<div class="related-coverage__1xmZ4" data-testid="RelatedCoverage"><div>Related Coverage</div>{_links(RELATED, "div")}</div></div>
<div class="footer__2kQzD" data-testid="Footer">{_links(FOOTER, "div")}</div></body></html>"""


def table_layout(h: str, ps: tuple[str, ...]) -> str:
    return f"""<body><table width="100%"><tr><td colspan="3"><font size="5">The Daily Meridian</font></td></tr>
<tr><td class="nav" width="150">{"<br>".join(f'<a href="/">{m}</a>' for m in MENU)}</td>
<td class="story"><font face="Arial"><b><font size="4">{_e(h)}</font></b><br>{_ps(ps)}</font></td>
<td class="right" width="200"><b>{SIDEBAR[0]}</b><br>{"<br>".join(f'<a href="/">{_e(s)}</a>' for s in SIDEBAR[1:])}</td></tr>
<tr><td colspan="3" class="footer">{" | ".join(FOOTER)}</td></tr></table></body></html>"""


def cookie_modal(h: str, ps: tuple[str, ...]) -> str:
    return f"""<body><nav>{_links(MENU, "span")}</nav>
<article class="story"><h1>{_e(h)}</h1><div class="story-body">{_ps(ps)}</div></article>
<div id="cookie-consent" class="consent-modal" role="dialog"><div class="consent-text"><p>{COOKIE[0]}</p>
<p>{COOKIE[1]}</p></div><button class="accept">{COOKIE[2]}</button></div>
<div class="newsletter-signup"><p>{NEWSLETTER[0]}</p><p>{NEWSLETTER[1]}</p></div>
<footer>{_links(FOOTER, "span")}</footer></body></html>"""


def inline_related(h: str, ps: tuple[str, ...]) -> str:
    half = len(ps) // 2 or 1
    return f"""<body><div class="navbar"><ul class="nav-links">{_links(MENU)}</ul></div>
<div class="article"><h1 class="headline">{_e(h)}</h1><div class="article-text">{_ps(ps[:half])}
<div class="related-inline"><strong>Read more:</strong><ul>{_links(RELATED)}</ul></div>
{_ps(ps[half:])}</div><div class="share-tools">{_links(SHARE, "span")}</div></div>
<div class="site-footer">{_links(FOOTER, "span")}</div></body></html>"""


def disqus(h: str, ps: tuple[str, ...]) -> str:
    item = '<div class="post"><span class="author">{name}</span><div class="post-message"><p>{text}</p></div></div>'
    return f"""<body><div id="header"><div class="top-menu">{_links(MENU, "span")}</div></div>
<div class="story"><h1>{_e(h)}</h1><div class="story-text">{_ps(ps)}</div></div>
<div class="most-popular"><h2>{SIDEBAR[0]}</h2><ol>{_links(SIDEBAR[1:])}</ol></div>
<div id="disqus_thread">{_comments("<div class='comment-count'>{count} Comments</div>{rows}", item)}</div>
<div id="footer">{_links(FOOTER, "span")}</div></body></html>"""


def newsletter_share(h: str, ps: tuple[str, ...]) -> str:
    return f"""<body><header class="masthead"><ul class="menu">{_links(MENU)}</ul></header>
<main><article><h1>{_e(h)}</h1><ul class="social-share">{_links(SHARE)}</ul>
<div class="article-content">{_ps(ps)}</div>
<div class="newsletter-box"><p>{NEWSLETTER[0]}</p><p>{NEWSLETTER[1]}</p></div>
<div class="recommended"><h3>Recommended</h3><ul>{_links(RELATED)}</ul></div></article></main>
<footer class="site-footer">{_links(FOOTER, "span")}</footer></body></html>"""


def comments_section(h: str, ps: tuple[str, ...]) -> str:
    item = '<div class="comment"><p class="comment-meta">{name}</p><p class="comment-body">{text}</p></div>'
    return f"""<body><div class="top-nav">{_links(MENU, "span")}</div>
<div class="cookie-notice"><span>{COOKIE[0]}</span> <span>{COOKIE[1]}</span></div>
<div class="main-column"><h1>{_e(h)}</h1><div class="body-copy">{_ps(ps)}</div>
<div class="tags">Topics: Business, Trade</div>
<div class="comments-section">{_comments("<h3>Comments ({count})</h3>{rows}", item)}</div></div>
<div class="right-rail"><h3>{SIDEBAR[0]}</h3>{_links(SIDEBAR[1:], "p")}</div>
<div class="page-footer">{_links(FOOTER, "span")}</div></body></html>"""


def teasers(h: str, ps: tuple[str, ...]) -> str:
    teaser = "".join(f'<div class="teaser"><h4><a href="/">{_e(t)}</a></h4></div>' for t in RELATED)
    return f"""<body><div class="header"><div class="hamburger-menu">{_links(MENU, "div")}</div></div>
<div class="page"><div class="article-wrapper"><h1>{_e(h)}</h1>
<div class="article__content">{_ps(ps, ' class="article__paragraph"')}</div>
<div class="social-buttons">{_links(SHARE, "span")}</div></div>
<div class="more-stories"><h3>More stories</h3>{teaser}</div>
<div class="sidebar-widget"><h3>{SIDEBAR[0]}</h3>{_links(SIDEBAR[1:], "div")}</div></div>
<div class="footer-links">{_links(FOOTER, "span")}</div></body></html>"""


SHAPES: dict[str, Callable[[str, tuple[str, ...]], str]] = {
    f.__name__: f
    for f in (
        semantic,
        div_classes,
        bbc_like,
        wordpress,
        hashed,
        table_layout,
        cookie_modal,
        inline_related,
        disqus,
        newsletter_share,
        comments_section,
        teasers,
    )
}


def news_page(shape: str, headline: str, paragraphs: tuple[str, ...]) -> Page:
    """The article ``headline`` + ``paragraphs`` in the page of ``shape`` (a key of SHAPES)."""
    markup = _head(headline) + SHAPES[shape](headline, paragraphs)
    return Page(shape, markup, headline, paragraphs, FURNITURE)
