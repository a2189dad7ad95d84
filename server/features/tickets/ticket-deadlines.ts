/** The SLA facts and met times of an order live with the lifecycle rules (server/domain/ticket). */
export { metAt, slaFactsOf, windowStages } from '../../domain/ticket/order-deadlines';
