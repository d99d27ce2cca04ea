// Crawls a site with Crawlee's CheerioCrawler and stores each page's article (the command line's
// `--jsonl --with markdown` record) in Crawlee's default dataset (./storage/datasets/default).
//
//   npm install crawlee unchaff
//   node crawlee.mjs https://example.org/news/
//
// Crawlee downloads the pages; unchaff reads the HTML it already has, with no DOM, on libuv's
// thread pool (extractAsync), so the crawler's event loop stays free for the downloads.
import { CheerioCrawler, Dataset } from "crawlee";
import unchaff from "unchaff";

const { extractAsync } = unchaff;

const crawler = new CheerioCrawler({
  maxRequestsPerCrawl: 100,
  async requestHandler({ request, response, body, enqueueLinks, log }) {
    // Crawlee decodes text/html into a string; other types come as a Buffer, which unchaff
    // decodes with the response's charset.
    const contentType = typeof body === "string" ? undefined : response.headers["content-type"];
    try {
      const article = await extractAsync(body, { url: request.loadedUrl ?? request.url, contentType });
      if (article) {
        await Dataset.pushData(article.toJSON({ markdown: true }));
      } else {
        log.info(`no article on ${request.url}`);
      }
    } catch (error) {
      // Not a page: binary data, or larger than unchaff reads.
      log.warning(`${request.url}: ${error.kind ?? "error"}: ${error.message}`);
    }
    await enqueueLinks({ strategy: "same-domain" });
  },
});

await crawler.run(process.argv.slice(2));
