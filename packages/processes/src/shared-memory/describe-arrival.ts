/** What a message looked like on arrival in the child: field -> type tag (and buffer tag for views). */
export interface Arrival {
  fields: Record<string, { tag: string; bufferTag?: string; firstAfterWrite?: number }>;
  json: string;
}

const tagOf = (v: unknown) => Object.prototype.toString.call(v);

/**
 * Describe each field of an arrived message. For a typed array it writes 7 into element 0 first:
 * if the memory were shared, the sender would see the 7.
 *
 * @example
 * describeArrival({ a: new Int32Array(1) }).fields.a; // { tag: '[object Int32Array]', bufferTag: '[object ArrayBuffer]', firstAfterWrite: 7 }
 */
export function describeArrival(message: Record<string, unknown>): Arrival {
  const fields: Arrival['fields'] = {};
  for (const [key, value] of Object.entries(message)) {
    if (ArrayBuffer.isView(value) && value instanceof Int32Array) {
      value[0] = 7;
      fields[key] = { tag: tagOf(value), bufferTag: tagOf(value.buffer), firstAfterWrite: value[0] };
    } else {
      fields[key] = { tag: tagOf(value) };
    }
  }
  return { fields, json: JSON.stringify(message) };
}
