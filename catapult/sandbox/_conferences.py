"""The world's rules for conferences: members that are calls created for them, audio to all
or one, and the conference and conference-member events."""

from __future__ import annotations

from typing import Any, Mapping, Optional

import attrs

from ..resources._audio import AudioOptions
from ..resources.conference import ConferenceOptions, ConferenceUpdate, MemberOptions
from ._base import WorldBase
from ._delivery import Target
from ._model import ApiFailure, SimCall, _flag, heard_from, new_id, validate

#: the most members a conference takes
MAX_MEMBERS = 20


@attrs.define
class SimConference:
    id: str
    target: Target
    settings: dict[str, Any]
    created: str
    state: str = "created"
    completed: Optional[str] = None
    members: dict[str, dict[str, Any]] = attrs.field(factory=dict)


class ConferenceRules(WorldBase):
    """Create, update and end conferences; add, change and remove their members."""

    def create_conference(self, body: Mapping[str, Any]) -> str:
        validate(ConferenceOptions, body, "conference")
        if not body.get("from"):
            raise ApiFailure(400, "bad-request", "missing-property",
                             "The 'conference' resource property 'from' is required but was "
                             "not specified")
        with self._lock:
            target = Target(url=body.get("callbackUrl"), fallback_url=body.get("fallbackUrl"),
                            method=str(body.get("callbackHttpMethod") or "POST").upper(),
                            timeout=int(body.get("callbackTimeout") or 10000) / 1000)
            conference = SimConference(id=new_id("conf-"), target=target,
                                       settings={"profile": "interpret_digits", **body},
                                       created=self._now())
            self._conferences[conference.id] = conference
            self._conference_event(conference, "conference", status="created",
                                   createdTime=conference.created)
            return conference.id

    def conference_json(self, conference_id: str) -> dict[str, Any]:
        with self._lock:
            conference = self._conference(conference_id)
            data = {**conference.settings, "id": conference.id, "state": conference.state,
                    "createdTime": conference.created, "completedTime": conference.completed,
                    "activeMembers": self._active(conference),
                    "hold": _flag(conference.settings.get("hold")),
                    "mute": _flag(conference.settings.get("mute"))}
            return {k: v for k, v in data.items() if v is not None}

    def update_conference(self, conference_id: str, body: Mapping[str, Any]) -> None:
        validate(ConferenceUpdate, body, "conference")
        with self._lock:
            conference = self._live(conference_id)
            conference.settings.update({k: v for k, v in body.items() if k != "state"})
            if "callbackUrl" in body:
                conference.target = attrs.evolve(conference.target, url=body["callbackUrl"])
            if body.get("state") == "completed":
                for member_id, member in conference.members.items():
                    if member["state"] == "active":
                        self._remove_member(conference, member_id)
                self._complete_conference(conference)

    def conference_audio(self, conference_id: str, body: Mapping[str, Any],
                         member_id: Optional[str] = None) -> None:
        validate(AudioOptions, body, "audio")
        with self._lock:
            conference = self._live(conference_id)
            members = ([self._member(conference, member_id)] if member_id
                       else [m for m in conference.members.values() if m["state"] == "active"])
            for member in members:
                call = self._calls.get(member["callId"])
                if call is not None:
                    call.heard.extend(heard_from(body))
            if member_id is None and (body.get("sentence") or body.get("fileUrl")):
                kind = "conference-speak" if body.get("sentence") else "conference-playback"
                for status in ("started", "done"):
                    self._conference_event(conference, kind, status=status,
                                           tag=body.get("tag"))

    # -- members ------------------------------------------------------------------------------

    def add_member(self, conference_id: str, body: Mapping[str, Any]) -> str:
        validate(MemberOptions, body, "conferenceMember")
        with self._lock:
            conference = self._live(conference_id)
            call = self._calls.get(str(body.get("callId") or ""))
            if call is None or call.state != "active" or \
                    call.settings.get("conferenceId") != conference.id:
                raise ApiFailure(403, "forbidden", "invalid-call-conference-id",
                                 "A member must be an active call created with this "
                                 "conference's conferenceId")
            if self._active(conference) >= MAX_MEMBERS:
                raise ApiFailure(403, "forbidden", "conference-max-members",
                                 f"The conference {conference.id} has {MAX_MEMBERS} members")
            member: dict[str, Any] = {"id": new_id("member-"), "callId": call.id,
                                      "state": "active",
                      "addedTime": self._now(),
                      **{k: _flag(body.get(k, False)) for k in ("mute", "hold", "joinTone",
                                                               "leavingTone")}}
            conference.members[str(member["id"])] = member
            conference.state = "active"
            self._member_event(conference, member)
            return str(member["id"])

    def members_json(self, conference_id: str) -> list[dict[str, Any]]:
        with self._lock:
            conference = self._conference(conference_id)
            return [self._member_json(m) for m in conference.members.values()]

    def member_json(self, conference_id: str, member_id: str) -> dict[str, Any]:
        with self._lock:
            return self._member_json(self._member(self._conference(conference_id), member_id))

    def update_member(self, conference_id: str, member_id: str,
                      body: Mapping[str, Any]) -> None:
        validate(MemberOptions, body, "conferenceMember")
        with self._lock:
            conference = self._live(conference_id)
            member = self._member(conference, member_id)
            if member["state"] != "active":
                raise ApiFailure(403, "forbidden", "conference-error",
                                 f"The member {member_id} has left the conference")
            for key in ("mute", "hold", "joinTone", "leavingTone"):
                if key in body:
                    member[key] = _flag(body[key])
            if body.get("state") == "completed":
                self._remove_member(conference, member_id)
                if not self._active(conference):
                    self._complete_conference(conference)
            else:
                self._member_event(conference, member)

    def _leave_conference(self, call: SimCall) -> None:
        """A member's call ended: it leaves, and the last one out completes the conference."""
        conference = self._conferences.get(str(call.settings.get("conferenceId") or ""))
        if conference is None or conference.state == "completed":
            return
        for member_id, member in list(conference.members.items()):
            if member["callId"] == call.id and member["state"] == "active":
                self._remove_member(conference, member_id)
                if not self._active(conference):
                    self._complete_conference(conference)

    # -- plumbing --------------------------------------------------------------------------------

    def _conference(self, conference_id: str) -> SimConference:
        found: Optional[SimConference] = self._conferences.get(conference_id)
        if found is None:
            raise ApiFailure(404, "not-found", "conference-not-found",
                             f"The conference {conference_id} could not be found")
        return found

    def _live(self, conference_id: str) -> SimConference:
        conference = self._conference(conference_id)
        if conference.state == "completed":
            raise ApiFailure(403, "forbidden", "conference-error",
                             f"The conference {conference_id} is completed")
        return conference

    @staticmethod
    def _member(conference: SimConference, member_id: str) -> dict[str, Any]:
        found = conference.members.get(member_id)
        if found is None:
            raise ApiFailure(404, "not-found", "conference-member-not-found",
                             f"The member {member_id} could not be found")
        return found

    @staticmethod
    def _active(conference: SimConference) -> int:
        return sum(1 for m in conference.members.values() if m["state"] == "active")

    def _remove_member(self, conference: SimConference, member_id: str) -> None:
        member = conference.members[member_id]
        member["state"], member["removedTime"] = "completed", self._now()
        self._member_event(conference, member)

    def _complete_conference(self, conference: SimConference) -> None:
        conference.state, conference.completed = "completed", self._now()
        self._conference_event(conference, "conference", status="completed",
                               createdTime=conference.created,
                               completedTime=conference.completed)

    def _member_json(self, member: Mapping[str, Any]) -> dict[str, Any]:
        data = {k: v for k, v in member.items() if k != "callId"}
        data["call"] = f"{self.root}/calls/{member['callId']}"
        return data

    def _member_event(self, conference: SimConference, member: Mapping[str, Any]) -> None:
        self._conference_event(
            conference, "conference-member", callId=member["callId"], memberId=member["id"],
            memberUri=f"{self.root}/conferences/{conference.id}/members/{member['id']}",
            state=member["state"], hold=member["hold"], mute=member["mute"],
            activeMembers=self._active(conference))

    def _conference_event(self, conference: SimConference, event_type: str,
                          **fields: Any) -> None:
        payload: dict[str, Any] = {"eventType": event_type, "conferenceId": conference.id,
                                   "conferenceUri": f"{self.root}/conferences/{conference.id}",
                                   "tag": conference.settings.get("tag")}
        payload.update(fields)
        payload = {k: v for k, v in payload.items() if v is not None}
        payload.setdefault("time", self._now())
        self._emit_to(payload, conference.target)
