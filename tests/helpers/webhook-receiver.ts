// A real webhook receiver (node:http) on a local port, as the owner's automation tool would run one: it checks
// every POST with the standardwebhooks package's own verifier and records each alert once, by its webhook-id
// (the sender delivers at least once). `mode` makes it fail the way a real receiver fails: down (connections
// refused), answering 500 before it looks at the alert, or taking the alert and then answering 500 (the answer
// is lost, so the sender tries again with the same id), or never answering.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type ReceiverMode = "ok" | "down" | "error" | "take-then-error" | "hang";

export type VerifiedPost = { id: string; timestamp: number; body: string; payload: unknown };

export type TestWebhookReceiver = {
  /** http://127.0.0.1:<port>/<path> */
  url: string;
  /** Every POST whose signature verified, in order (a retry of one alert appears again). */
  verified: VerifiedPost[];
  /** Each alert once, keyed by webhook-id, in the order first seen. */
  alerts: Map<string, unknown>;
  /** POSTs refused: signature missing, wrong or too old. */
  refused: number;
  /** Requests held unanswered right now ("hang"); one the sender gives up on is no longer held. */
  readonly held: number;
  /** Switch how the next POSTs are answered; "down" closes the port (connections are refused). */
  setMode(mode: ReceiverMode): Promise<void>;
  stop(): Promise<void>;
};

/** Starts a receiver on a free local port that verifies with `secret` (whsec_...). */
export async function startWebhookReceiver(secret: string, path = "/hooks/leads"): Promise<TestWebhookReceiver> {
  const verifier = new Webhook(secret);
  let mode: ReceiverMode = "ok";
  const hung: http.ServerResponse[] = [];
  let port = 0;
  const receiver: TestWebhookReceiver = {
    url: "",
    verified: [],
    alerts: new Map(),
    refused: 0,
    get held() {
      return hung.length;
    },
    async setMode(next) {
      if (next === "down" && server.listening) await close();
      if (next !== "down" && !server.listening) await listen(port);
      mode = next;
    },
    async stop() {
      if (server.listening) await close();
    },
  };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (mode === "hang") {
        hung.push(response);
        // The sender gave up (its time limit) or the receiver went down: no longer held.
        response.on("close", () => {
          const at = hung.indexOf(response);
          if (at >= 0) hung.splice(at, 1);
        });
        return;
      }
      if (mode === "error" || request.method !== "POST" || request.url !== path) {
        response.writeHead(mode === "error" ? 500 : 404).end();
        return;
      }
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(
        ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [name, String(request.headers[name])]),
      );
      let payload: unknown;
      try {
        payload = verifier.verify(body, headers);
      } catch {
        receiver.refused += 1;
        response.writeHead(401).end();
        return;
      }
      const id = headers["webhook-id"]!;
      receiver.verified.push({ id, timestamp: Number(headers["webhook-timestamp"]), body, payload });
      if (!receiver.alerts.has(id)) receiver.alerts.set(id, payload);
      response.writeHead(mode === "take-then-error" ? 500 : 204).end();
    });
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      for (const response of [...hung]) response.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });

  port = await listen(0);
  receiver.url = `http://127.0.0.1:${port}${path}`;
  return receiver;
}
