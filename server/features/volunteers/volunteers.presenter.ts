import type {
  VolunteerAssignmentDto,
  VolunteerDto,
  VolunteerOutcome,
} from '../../../common/contracts/volunteers';
import { formatInstant } from '../../domain/calendar/time';
import { maskPhone } from '../tickets/caller-privacy';
import type { AssignmentRow, VolunteerRow } from './volunteers.repository';

/** A volunteer as a viewer may see it: the phone masked unless `showPhone`. */
export function presentVolunteer(v: VolunteerRow, showPhone: boolean): VolunteerDto {
  return {
    id: v.id,
    name: v.name,
    skills: v.skills,
    phone: showPhone ? v.phone : (maskPhone(v.phone) ?? ''),
    phoneMasked: !showPhone,
    availability: v.availability,
  };
}

/** An assignment carries the volunteer's name and skills, never the phone. */
export function presentAssignment(a: AssignmentRow): VolunteerAssignmentDto {
  return {
    id: a.id,
    ticketId: a.ticket_id,
    volunteerId: a.volunteer_id,
    volunteerName: a.volunteer_name,
    skills: a.skills,
    note: a.note,
    assignedBy: a.assigned_by_name,
    assignedAt: formatInstant(a.assigned_at),
    outcome: a.outcome as VolunteerOutcome | null,
    outcomeNote: a.outcome_note,
    outcomeAt: a.outcome_at ? formatInstant(a.outcome_at) : null,
  };
}
