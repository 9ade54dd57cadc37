import json, os, html
OUT = os.path.dirname(os.path.abspath(__file__))
os.makedirs(OUT + "/pages", exist_ok=True)
os.makedirs(OUT + "/feeds", exist_ok=True)

OUTLETS = {
 "gazette": ("The Tarrow Gazette", "https://tarrow-gazette.example", "Tarrow's paper since 1884"),
 "post": ("Eskerby Evening Post", "https://eskerby-post.example", "News for Eskerby and the Fold valley"),
 "nfb": ("Northfold Broadcasting", "https://nfb.example", "Radio, television and online for the North Fold"),
 "meridian": ("Meridian Wire", "https://meridianwire.example", "Syndicated news for every screen"),
 "brightline": ("Brightline News", "https://brightline-news.example", "Trending now"),
 "observer": ("The Kessel Observer", "https://kessel-observer.example", "Independent since 1962"),
}

def page(key, slug, title, published, author, paragraphs, extra_end=None, section="News"):
    name, site, tagline = OUTLETS[key]
    url = f"{site}/{section.lower()}/{published[:10].replace('-', '/')}/{slug}"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "datePublished": published,
          "author": {"@type": "Person", "name": author}, "publisher": {"@type": "Organization", "name": name}, "mainEntityOfPage": url}
    body = "\n".join(f"      <p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    if extra_end:
        body += f"\n      <p class=\"credit\"><em>{html.escape(extra_end, quote=False)}</em></p>"
    doc = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{html.escape(title)} | {html.escape(name)}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="canonical" href="{url}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="{html.escape(name)}">
  <meta property="og:title" content="{html.escape(title)}">
  <meta property="og:url" content="{url}">
  <meta property="article:published_time" content="{published}">
  <script type="application/ld+json">
  {json.dumps(ld, ensure_ascii=False)}
  </script>
</head>
<body>
  <div class="consent">We and our partners use cookies. <button>Accept</button> <a href="/privacy">Settings</a></div>
  <header>
    <a class="logo" href="/">{html.escape(name)}</a> <span class="tagline">{html.escape(tagline)}</span>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>{html.escape(title, quote=False)}</h1>
      <p class="byline">By {html.escape(author, quote=False)}</p>
      <time datetime="{published}">{published[:10]}</time>
      <div class="share">Share: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a></div>
{body}
    </article>
    <aside class="newsletter"><h3>Never miss a story</h3><p>Get our free morning newsletter in your inbox.</p><form><input type="email"><button>Sign up</button></form></aside>
    <aside class="related"><h3>Most read</h3><ul><li><a href="/a">Weekend weather: sunshine returns</a></li><li><a href="/b">Five places to eat on the harbour front</a></li><li><a href="/c">Letters: readers on parking charges</a></li></ul></aside>
  </main>
  <footer><p><a href="/about">About</a> | <a href="/contact">Contact</a> | <a href="/privacy">Privacy</a></p><p>© 2026 {html.escape(name)}. All rights reserved.</p></footer>
</body>
</html>
"""
    fname = f"{key}-{slug}.html"
    with open(f"{OUT}/pages/{fname}", "w", encoding="utf-8") as f:
        f.write(doc)
    ENTRIES.setdefault(key, []).append((title, url, published, author, paragraphs[0]))
    return fname

ENTRIES = {}
exec(open(os.path.join(OUT, "content.py"), encoding="utf-8").read())

# One feed per outlet: Atom for some, RSS 2.0 for the others, as real outlets mix them.
from email.utils import format_datetime
from datetime import datetime
for key, entries in ENTRIES.items():
    name, site, tagline = OUTLETS[key]
    entries.sort(key=lambda e: e[2], reverse=True)
    if key in ("gazette", "observer", "meridian"):
        items = "\n".join(f"""  <entry>
    <title>{html.escape(t)}</title>
    <link rel="alternate" href="{u}"/>
    <id>{u}</id>
    <published>{p}</published>
    <updated>{p}</updated>
    <author><name>{html.escape(a)}</name></author>
    <summary>{html.escape(s)}</summary>
  </entry>""" for t, u, p, a, s in entries)
        doc = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{html.escape(name)}</title>
  <subtitle>{html.escape(tagline)}</subtitle>
  <link rel="alternate" href="{site}/"/>
  <link rel="self" href="{site}/feed.atom"/>
  <id>{site}/</id>
  <updated>{entries[0][2]}</updated>
{items}
</feed>
"""
        ext = "atom"
    else:
        items = "\n".join(f"""    <item>
      <title>{html.escape(t)}</title>
      <link>{u}</link>
      <guid isPermaLink="true">{u}</guid>
      <pubDate>{format_datetime(datetime.fromisoformat(p))}</pubDate>
      <dc:creator>{html.escape(a)}</dc:creator>
      <description>{html.escape(s)}</description>
    </item>""" for t, u, p, a, s in entries)
        doc = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>{html.escape(name)}</title>
    <link>{site}/</link>
    <description>{html.escape(tagline)}</description>
    <ttl>30</ttl>
{items}
  </channel>
</rss>
"""
        ext = "rss"
    with open(f"{OUT}/feeds/{key}.{ext}.xml", "w", encoding="utf-8") as f:
        f.write(doc)
    FEEDFILES[key] = (f"{site}/feed.{ext}", f"feeds/{key}.{ext}.xml")

outlines = "\n".join(
    f'    <outline type="rss" text="{html.escape(OUTLETS[k][0])}" title="{html.escape(OUTLETS[k][0])}" xmlUrl="{FEEDFILES[k][0]}" htmlUrl="{OUTLETS[k][1]}/"/>'
    for k in OUTLETS if k in FEEDFILES)
with open(f"{OUT}/sources.opml", "w", encoding="utf-8") as f:
    f.write(f"""<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0">
  <head><title>Parallax demo sources (fictional outlets)</title></head>
  <body>
{outlines}
  </body>
</opml>
""")
