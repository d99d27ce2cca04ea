// Extracts the article of each address given with Node's own fetch, as JSON lines (the command
// line's `--jsonl --with markdown` records). Pages are fetched and extracted concurrently: the
// extraction runs on libuv's thread pool, so it does not hold up the downloads.
//
//   node examples/fetch.js https://example.org/a-story https://example.org/another > articles.jsonl
//
// Outside this repository, `npm install unchaff` and the require below works as it is.
"use strict";

const { extractAsync } = require("unchaff");

async function article(address) {
  const response = await fetch(address, {
    headers: { "user-agent": "Mozilla/5.0 (compatible; unchaff-example)" },
    redirect: "follow",
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  // The bytes as they came, with the Content-Type's charset: unchaff finds the encoding as the
  // command line does (BOM, that charset, <meta charset>, detection).
  const body = Buffer.from(await response.arrayBuffer());
  return extractAsync(body, {
    url: response.url,
    contentType: response.headers.get("content-type") ?? undefined,
  });
}

async function main(addresses) {
  if (addresses.length === 0) {
    console.error("usage: node examples/fetch.js URL...");
    process.exitCode = 2;
    return;
  }
  const results = await Promise.allSettled(addresses.map(article));
  results.forEach((result, i) => {
    if (result.status === "rejected") {
      const why = result.reason.kind ? `${result.reason.kind}: ${result.reason.message}` : result.reason.message;
      console.error(`${addresses[i]}: ${why}`);
      process.exitCode = 1;
    } else if (result.value === null) {
      console.error(`${addresses[i]}: no article found`);
    } else {
      console.log(JSON.stringify(result.value.toJSON({ markdown: true })));
    }
  });
}

main(process.argv.slice(2));
