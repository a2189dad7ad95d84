/** The extension relay lives with the lifecycle rules (server/domain/ticket/extension-relay.ts). */
export { extensionRelayOf } from '../../domain/ticket/extension-relay';
