// A plain HTTP pass-through between nginx and one app instance that counts the requests in flight at the
// instance, and can hold them at a gate: a test closes the gate, sends N requests through nginx, and waits until
// all N are held here at once. They arrive together only if nothing in front of the instance queues them.
import http from "node:http";
import { closedPort } from "./smtp-server";

export type CountingProxy = {
  /** host:port, for an nginx upstream line. */
  address: string;
  /** Requests that reached this proxy and have not been answered yet (held at the gate or forwarded). */
  inFlight(): number;
  /** The most requests in flight at once since the last `reset`. */
  peak(): number;
  /** Holds every request that arrives from now on until `open` is called. */
  close(): void;
  /** Lets the held requests (and later ones) through to the instance. */
  open(): void;
  reset(): void;
  stop(): Promise<void>;
};

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  let inFlight = 0;
  let peak = 0;
  let held: (() => void)[] | undefined;
  const server = http.createServer((request, response) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    let counted = true;
    const done = () => {
      if (counted) inFlight -= 1;
      counted = false;
    };
    response.once("close", done);
    const forward = () => {
      const outgoing = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: request.method,
          path: request.url,
          headers: request.headers,
          agent,
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
          answer.pipe(response);
        },
      );
      // The instance went away: so does this connection, as the instance's own would.
      outgoing.once("error", () => response.destroy());
      request.pipe(outgoing);
    };
    if (held) held.push(forward);
    else forward();
  });
  const port = await closedPort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const open = () => {
    const waiting = held ?? [];
    held = undefined;
    for (const forward of waiting) forward();
  };
  return {
    address: `127.0.0.1:${port}`,
    inFlight: () => inFlight,
    peak: () => peak,
    close: () => {
      held ??= [];
    },
    open,
    reset: () => {
      peak = inFlight;
    },
    stop: async () => {
      open();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
