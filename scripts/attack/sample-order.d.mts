/** The types of sample-order.mjs (the server's test fixtures build on it). */
export declare const sampleOrder: {
  channel: string;
  type: string;
  category: string;
  urgency: string;
  level: string;
  caller: { name: string; phone: string; address: string; confidential: boolean };
  location: { address: string; region: string };
  content: string;
};
