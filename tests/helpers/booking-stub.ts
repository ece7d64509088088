// A stand-in for the owner's scheduling page (Cal.com or similar) on a free local port: it answers every GET with
// a small page and records the URL asked for, so a test can check which reference a "Book a call" link carried.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type BookingStub = {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Every request's path and query, in order. */
  visits: URL[];
  stop(): Promise<void>;
};

export async function startBookingStub(): Promise<BookingStub> {
  const visits: URL[] = [];
  const server = http.createServer((request, response) => {
    visits.push(new URL(request.url ?? "/", "http://stub.invalid"));
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end('<!doctype html><html lang="en"><title>Book a call</title><h1>Pick a time</h1></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    visits,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
