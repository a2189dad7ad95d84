/** The actions of the work-order lifecycle and their labels (shared with the web: common/). */
export {
  actionLabels,
  intakeActions,
  ticketActions,
  type IntakeAction,
  type TicketAction,
} from '../../../common/ticket-vocabulary';
