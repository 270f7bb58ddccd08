import type { Broadcast } from "./frames.ts";

export interface Subscriber {
  deliver(broadcast: Broadcast): void;
}

/**
 * Who listens to what. A private and a public channel of the same name are different topics, as
 * Realtime keeps them (Tenants.tenant_topic/3), so a public channel never hears private messages.
 */
export class Topics {
  readonly #subscribers = new Map<string, Set<Subscriber>>();

  static key(subTopic: string, isPrivate: boolean) {
    return `${isPrivate ? "private" : "public"}:${subTopic}`;
  }

  subscribe(key: string, subscriber: Subscriber) {
    const set = this.#subscribers.get(key) ?? new Set();
    set.add(subscriber);
    this.#subscribers.set(key, set);
  }

  unsubscribe(key: string, subscriber: Subscriber) {
    const set = this.#subscribers.get(key);
    set?.delete(subscriber);
    if (set?.size === 0) this.#subscribers.delete(key);
  }

  has(key: string) {
    return this.#subscribers.has(key);
  }

  /** Delivers to every subscriber of `key` in order, but `except` (a sender without `self`). */
  publish(key: string, broadcast: Broadcast, except?: Subscriber) {
    for (const subscriber of this.#subscribers.get(key) ?? []) {
      if (subscriber !== except) subscriber.deliver(broadcast);
    }
  }

  get subscriptions() {
    let count = 0;
    for (const set of this.#subscribers.values()) count += set.size;
    return count;
  }
}
