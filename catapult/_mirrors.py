"""For type checkers only: each collection's id-first mirror of every method of its
handle, typed as the handle's method with the id in front (``client.Call.hang_up(call_id)``
is ``Call.hang_up``). At run time ``Collection`` derives the same mirrors from the handle
itself (``resources/_base.py``).

Written by ``python -m tools.generate``; do not edit.
"""

# mypy: disable-error-code="empty-body"
# (these stubs are read, never run: the collection's IdFirst mirrors do the work)

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, Iterator, Mapping, Optional, Union
    from . import _kwargs as kw
    from ._compat import Unpack
    from .resources._audio import AudioOptions
    from .resources.application import Application, ApplicationOptions
    from .resources.bridge import Bridge, BridgeOptions
    from .resources.call import Call, CallLogEvent, CallUpdate
    from .resources.conference import Conference, ConferenceMember, ConferenceUpdate
    from .resources.domain import (
        Domain,
        Endpoint,
        EndpointOptions,
        EndpointToken,
        EndpointUpdate,
    )
    from .resources.error import LoggedError
    from .resources.gather import Gather, GatherOptions
    from .resources.media import Target
    from .resources.message import Message
    from .resources.number import PhoneNumber, PhoneNumberOptions
    from .resources.recording import Recording, Transcription

__all__ = [
    "ApplicationMirrors",
    "BridgeMirrors",
    "CallMirrors",
    "ConferenceMirrors",
    "DomainMirrors",
    "EndpointMirrors",
    "ErrorMirrors",
    "MessageMirrors",
    "PhoneNumberMirrors",
    "RecordingMirrors",
]


class ApplicationMirrors:
    """The methods of ``Application``, id first."""

    def update(
        self,
        application_id: str,
        options: Union[ApplicationOptions, Mapping[str, Any], None] = None,
        /,
        **kwargs: Unpack[kw.ApplicationKwargs],
    ) -> None:
        """Change some fields (``POST /applications/{id}``); fields not sent keep their value.
        Id first: ``client.Application(application_id).update(...)``."""
        ...

    def delete(self, application_id: str, /) -> None:
        """Delete the application for good (``DELETE /applications/{id}``). Id first:
        ``client.Application(application_id).delete(...)``."""
        ...

    def refresh(self, application_id: str, /) -> Application:
        """Fetch the resource again (``GET`` its own URL) and return the new snapshot. Id first:
        ``client.Application(application_id).refresh(...)``."""
        ...


class BridgeMirrors:
    """The methods of ``Bridge``, id first."""

    def update(
        self,
        bridge_id: str,
        options: Union[BridgeOptions, Mapping[str, Any], None] = None,
        /,
        **kwargs: Unpack[kw.BridgeKwargs],
    ) -> None:
        """Change the bridge (``POST /bridges/{id}``): ``call_ids`` is the complete new list of
        calls (``[]`` completes the bridge), ``bridge_audio`` joins or holds them. Id
        first: ``client.Bridge(bridge_id).update(...)``."""
        ...

    def get_calls(self, bridge_id: str, /) -> list[Call]:
        """The calls in the bridge (``GET /bridges/{id}/calls``), as Call snapshots. Id first:
        ``client.Bridge(bridge_id).get_calls(...)``."""
        ...

    def play_audio(
        self,
        bridge_id: str,
        options: Union[AudioOptions, Mapping[str, Any], None] = None,
        /,
        **kwargs: Unpack[kw.AudioKwargs],
    ) -> None:
        """Speak a sentence or play a file (``POST .../audio``). Id first:
        ``client.Bridge(bridge_id).play_audio(...)``."""
        ...

    def speak_sentence(
        self,
        bridge_id: str,
        /,
        sentence: str,
        tag: Optional[str] = None,
        gender: Optional[str] = None,
        voice: Optional[str] = None,
        **options: Unpack[kw.SpeakKwargs],
    ) -> None:
        """Speak ``sentence``, in Ruby's shape ``speak_sentence(sentence, tag, gender, voice)``
        or with keywords. Only what is given is sent: unlike the Ruby SDK, no default
        gender or voice is added. Id first:
        ``client.Bridge(bridge_id).speak_sentence(...)``."""
        ...

    def play_audio_file(
        self,
        bridge_id: str,
        /,
        file_url: str,
        tag: Optional[str] = None,
        **options: Unpack[kw.PlayFileKwargs],
    ) -> None:
        """Play the WAV or MP3 at ``file_url``; Ruby's ``play_recording(url, tag)`` shape, or
        keywords. Id first: ``client.Bridge(bridge_id).play_audio_file(...)``."""
        ...

    def stop_speaking(self, bridge_id: str, /) -> None:
        """Stop a sentence being spoken (``{"sentence": ""}``). Id first:
        ``client.Bridge(bridge_id).stop_speaking(...)``."""
        ...

    def stop_audio_file(self, bridge_id: str, /) -> None:
        """Stop a file being played (``{"fileUrl": ""}``). Id first:
        ``client.Bridge(bridge_id).stop_audio_file(...)``."""
        ...

    def play_recording(
        self,
        bridge_id: str,
        /,
        file_url: str,
        tag: Optional[str] = None,
        **options: Unpack[kw.PlayFileKwargs],
    ) -> None:
        """Play the WAV or MP3 at ``file_url``; Ruby's ``play_recording(url, tag)`` shape, or
        keywords. Id first: ``client.Bridge(bridge_id).play_recording(...)``."""
        ...

    def play_audio_advanced(
        self,
        bridge_id: str,
        options: Union[AudioOptions, Mapping[str, Any], None] = None,
        /,
        **kwargs: Unpack[kw.AudioKwargs],
    ) -> None:
        """Speak a sentence or play a file (``POST .../audio``). Id first:
        ``client.Bridge(bridge_id).play_audio_advanced(...)``."""
        ...

    def stop_audio_file_playback(self, bridge_id: str, /) -> None:
        """Stop a file being played (``{"fileUrl": ""}``). Id first:
        ``client.Bridge(bridge_id).stop_audio_file_playback(...)``."""
        ...

    def refresh(self, bridge_id: str, /) -> Bridge:
        """Fetch the resource again (``GET`` its own URL) and return the new snapshot. Id first:
        ``client.Bridge(bridge_id).refresh(...)``."""
        ...


class CallMirrors:
    """The methods of ``Call``, id first."""

    def update(
        self,
        call_id: str,
        options: Union[CallUpdate, Mapping[str, Any], None] = None,
        /,
        **kwargs: Unpack[kw.CallUpdateKwargs],
    ) -> Optional[Call]:
        """Update the call (``POST /calls/{id}``). Id first:
        ``client.Call(call_id).update(...)``."""
        ...

    def answer(self, call_id: str, /) -> None:
        """Answer an incoming call (``{"state": "active"}``). Id first:
        ``client.Call(call_id).answer(...)``."""
        ...

    def reject(self, call_id: str, /) -> None:
        """Reject an incoming call (``{"state": "rejected"}``). Id first:
        ``client.Call(call_id).reject(...)``."""
        ...

    def hang_up(self, call_id: str, /) -> None:
        """Hang up (``{"state": "completed"}``). Id first:
        ``client.Call(call_id).hang_up(...)``."""
        ...

    def transfer(
        self,
        call_id: str,
        /,
        transfer_to: Union[str, Mapping[str, Any], CallUpdate],
        transfer_caller_id: Optional[str] = None,
        whisper_audio: Union[AudioOptions, Mapping[str, Any], None] = None,
        callback_url: Optional[str] = None,
        **options: Unpack[kw.TransferKwargs],
    ) -> Call:
        """Transfer an active call; returns the new call (id from the 201's ``Location``). Id
        first: ``client.Call(call_id).transfer(...)``."""
        ...

    def set_recording(self, call_id: str, /, enabled: bool) -> None:
        """Turn recording on or off (``{"recordingEnabled": true|false}``); each on/off span
        becomes a separate recording. C#'s ``TurnCallRecordingAsync(id, bool)``. Id
        first: ``client.Call(call_id).set_recording(...)``."""
        ...

    def enable_recording(self, call_id: str, /) -> None:
        """Start recording the call (``{"recordingEnabled": true}``). Id first:
        ``client.Call(call_id).enable_recording(...)``."""
        ...

    def disable_recording(self, call_id: str, /) -> None:
        """Stop recording the call (``{"recordingEnabled": false}``). Id first:
        ``client.Call(call_id).disable_recording(...)``."""
        ...

    def set_max_recording_duration(self, call_id: str, /, seconds: Union[int, str]) -> None:
        """Cap the length of recordings (``{"recordingMaxDuration": seconds}``); the API refuses
        a change while a recording runs (409 conflicted-recording-values-request). Id
        first: ``client.Call(call_id).set_max_recording_duration(...)``."""
        ...

    def get_recordings(self, call_id: str, /) -> list[Recording]:
        """The call's recordings (``GET /calls/{id}/recordings``). Id first:
        ``client.Call(call_id).get_recordings(...)``."""
        ...

    def get_transcriptions(self, call_id: str, /) -> list[Transcription]:
        """The transcriptions of the call's recordings (``GET /calls/{id}/transcriptions``). Id
        first: ``client.Call(call_id).get_transcriptions(...)``."""
        ...

    def send_dtmf(self, call_id: str, /, dtmf_out: str) -> None:
        """Send DTMF tones to the call (``POST /calls/{id}/dtmf``). Id first:
        ``client.Call(call_id).send_dtmf(...)``."""
        ...

    def get_events(self, call_id: str, /) -> list[CallLogEvent]:
        """The call's event log (``GET /calls/{id}/events``), oldest first as the API sends it.
        Id first: ``client.Call(call_id).get_events(...)``."""
        ...

    def get_event(self, call_id: str, /, event_id: str) -> CallLogEvent:
        """One entry of the call's event log (``GET /calls/{id}/events/{event_id}``). Id first:
        ``client.Call(call_id).get_event(...)``."""
        ...

    def hangup(self, call_id: str, /) -> None:
        """Hang up (``{"state": "completed"}``). Id first: ``client.Call(call_id).hangup(...)``."""
        ...

    def answer_on_incoming(self, call_id: str, /) -> None:
        """Answer an incoming call (``{"state": "active"}``). Id first:
        ``client.Call(call_id).answer_on_incoming(...)``."""
        ...

    def reject_incoming(self, call_id: str, /) -> None:
        """Reject an incoming call (``{"state": "rejected"}``). Id first:
        ``client.Call(call_id).reject_incoming(...)``."""
        ...

    def reload(self, call_id: str, /) -> Call:
        """Fetch the resource again (``GET`` its own URL) and return the new snapshot. Id first:
        ``client.Call(call_id).reload(...)``."""
        ...

    def set_dtmf(self, call_id: str, /, dtmf_out: str) -> None:
        """Send DTMF tones to the call (``POST /calls/{id}/dtmf``). Id first:
        ``client.Call(call_id).set_dtmf(...)``."""
        ...

    def recording_on(self, call_id: str, /) -> None:
        """Start recording the call (``{"recordingEnabled": true}``). Id first:
        ``client.Call(call_id).recording_on(...)``."""
        ...

    def recording_off(self, call_id: str, /) -> None:
        """Stop recording the call (``{"recordingEnabled": false}``). Id first:
        ``client.Call(call_id).recording_off(...)``."""
        ...

    def turn_call_recording(self, call_id: str, /, enabled: bool) -> None:
        """Turn recording on or off (``{"recordingEnabled": true|false}``); each on/off span
        becomes a separate recording. C#'s ``TurnCallRecordingAsync(id, bool)``. Id
        first: ``client.Call(call_id).turn_call_recording(...)``."""
        ...

    def play_audio(
        self,
        call_id: str,
        options: Union[AudioOptions, Mapping[str, Any], None] = None,
        /,
        **kwargs: Unpack[kw.AudioKwargs],
    ) -> None:
        """Speak a sentence or play a file (``POST .../audio``). Id first:
        ``client.Call(call_id).play_audio(...)``."""
        ...

    def speak_sentence(
        self,
        call_id: str,
        /,
        sentence: str,
        tag: Optional[str] = None,
        gender: Optional[str] = None,
        voice: Optional[str] = None,
        **options: Unpack[kw.SpeakKwargs],
    ) -> None:
        """Speak ``sentence``, in Ruby's shape ``speak_sentence(sentence, tag, gender, voice)``
        or with keywords. Only what is given is sent: unlike the Ruby SDK, no default
        gender or voice is added. Id first:
        ``client.Call(call_id).speak_sentence(...)``."""
        ...

    def play_audio_file(
        self,
        call_id: str,
        /,
        file_url: str,
        tag: Optional[str] = None,
        **options: Unpack[kw.PlayFileKwargs],
    ) -> None:
        """Play the WAV or MP3 at ``file_url``; Ruby's ``play_recording(url, tag)`` shape, or
        keywords. Id first: ``client.Call(call_id).play_audio_file(...)``."""
        ...

    def stop_speaking(self, call_id: str, /) -> None:
        """Stop a sentence being spoken (``{"sentence": ""}``). Id first:
        ``client.Call(call_id).stop_speaking(...)``."""
        ...

    def stop_audio_file(self, call_id: str, /) -> None:
        """Stop a file being played (``{"fileUrl": ""}``). Id first:
        ``client.Call(call_id).stop_audio_file(...)``."""
        ...

    def play_recording(
        self,
        call_id: str,
        /,
        file_url: str,
        tag: Optional[str] = None,
        **options: Unpack[kw.PlayFileKwargs],
    ) -> None:
        """Play the WAV or MP3 at ``file_url``; Ruby's ``play_recording(url, tag)`` shape, or
        keywords. Id first: ``client.Call(call_id).play_recording(...)``."""
        ...

    def play_audio_advanced(
        self,
        call_id: str,
        options: Union[AudioOptions, Mapping[str, Any], None] = None,
        /,
        **kwargs: Unpack[kw.AudioKwargs],
    ) -> None:
        """Speak a sentence or play a file (``POST .../audio``). Id first:
        ``client.Call(call_id).play_audio_advanced(...)``."""
        ...

    def stop_audio_file_playback(self, call_id: str, /) -> None:
        """Stop a file being played (``{"fileUrl": ""}``). Id first:
        ``client.Call(call_id).stop_audio_file_playback(...)``."""
        ...

    def create_gather(
        self,
        call_id: str,
        options: Union[GatherOptions, Mapping[str, Any], str, None] = None,
        /,
        **kwargs: Unpack[kw.GatherKwargs],
    ) -> Gather:
        """Start collecting DTMF digits on this active call (``POST /calls/{id}/gather``). Id
        first: ``client.Call(call_id).create_gather(...)``."""
        ...

    def get_gather(self, call_id: str, /, gather_id: str) -> Gather:
        """Fetch a gather (``GET /calls/{id}/gather/{gather_id}``): state, reason, digits,
        times. Id first: ``client.Call(call_id).get_gather(...)``."""
        ...

    def update_gather(
        self,
        call_id: str,
        gather_id: str,
        options: Optional[Mapping[str, Any]] = None,
        /,
        **kwargs: Unpack[kw.GatherUpdateKwargs],
    ) -> None:
        """Update a gather; the API allows only ``state="completed"``, which stops it.
        ``update_gather(id)``, ``update_gather(id, state="completed")`` and Ruby's
        ``update_gather(id, {"state": "completed"})`` send the same request. Id
        first: ``client.Call(call_id).update_gather(...)``."""
        ...

    def stop_gather(self, call_id: str, /, gather_id: str) -> None:
        """Stop a running gather; the same request as ``update_gather(id, state="completed")``.
        Id first: ``client.Call(call_id).stop_gather(...)``."""
        ...

    def complete_gather(self, call_id: str, /, gather_id: str) -> None:
        """Stop a running gather; the same request as ``update_gather(id, state="completed")``.
        Id first: ``client.Call(call_id).complete_gather(...)``."""
        ...

    def refresh(self, call_id: str, /) -> Call:
        """Fetch the resource again (``GET`` its own URL) and return the new snapshot. Id first:
        ``client.Call(call_id).refresh(...)``."""
        ...


class ConferenceMirrors:
    """The methods of ``Conference``, id first."""

    def update(
        self,
        conference_id: str,
        options: Union[ConferenceUpdate, Mapping[str, Any], None] = None,
        /,
        **kwargs: Unpack[kw.ConferenceUpdateKwargs],
    ) -> None:
        """Change the conference (``POST /conferences/{id}``). Id first:
        ``client.Conference(conference_id).update(...)``."""
        ...

    def complete(self, conference_id: str, /) -> None:
        """End the conference for every member (``{"state": "completed"}``). Id first:
        ``client.Conference(conference_id).complete(...)``."""
        ...

    def mute(self, conference_id: str, /, muted: bool = True) -> None:
        """Mute (or unmute) every member (``{"mute": ...}``). Id first:
        ``client.Conference(conference_id).mute(...)``."""
        ...

    def hold(self, conference_id: str, /, held: bool = True) -> None:
        """Put every member on hold, or take them off (``{"hold": ...}``). Id first:
        ``client.Conference(conference_id).hold(...)``."""
        ...

    def member(self, conference_id: str, /, member_id: str) -> ConferenceMember:
        """A handle on one member; no request is made. Id first:
        ``client.Conference(conference_id).member(...)``."""
        ...

    def add_member(
        self,
        conference_id: str,
        /,
        call_id: Union[str, Mapping[str, Any]],
        **options: Unpack[kw.MemberAddKwargs],
    ) -> str:
        """Add a call (``POST /conferences/{id}/members``); returns the member id from
        ``Location``. The call must be active (the API wants it created with this
        ``conference_id``). Id first:
        ``client.Conference(conference_id).add_member(...)``."""
        ...

    def get_member(self, conference_id: str, /, member_id: str) -> ConferenceMember:
        """One member (``GET /conferences/{id}/members/{member_id}``). Id first:
        ``client.Conference(conference_id).get_member(...)``."""
        ...

    def get_members(self, conference_id: str, /) -> list[ConferenceMember]:
        """Every member, those who left included (``GET /conferences/{id}/members``). Id first:
        ``client.Conference(conference_id).get_members(...)``."""
        ...

    def update_member(
        self,
        conference_id: str,
        member_id: str,
        options: Optional[Mapping[str, Any]] = None,
        /,
        **kwargs: Unpack[kw.MemberUpdateKwargs],
    ) -> None:
        """Change a member (``POST .../members/{member_id}``): ``state="completed"`` removes it;
        ``mute``, ``hold``, ``join_tone``, ``leaving_tone``. Id first:
        ``client.Conference(conference_id).update_member(...)``."""
        ...

    def remove_member(self, conference_id: str, /, member_id: str) -> None:
        """Remove a member (``{"state": "completed"}``). Id first:
        ``client.Conference(conference_id).remove_member(...)``."""
        ...

    def mute_member(self, conference_id: str, /, member_id: str, muted: bool = True) -> None:
        """Mute (or unmute) one member. Id first:
        ``client.Conference(conference_id).mute_member(...)``."""
        ...

    def hold_member(self, conference_id: str, /, member_id: str, held: bool = True) -> None:
        """Put one member on hold, or take it off. Id first:
        ``client.Conference(conference_id).hold_member(...)``."""
        ...

    def play_audio_to_member(
        self,
        conference_id: str,
        member_id: str,
        options: Union[AudioOptions, Mapping[str, Any], None] = None,
        /,
        **kwargs: Unpack[kw.AudioKwargs],
    ) -> None:
        """Speak or play to one member only (``POST .../members/{member_id}/audio``). Id first:
        ``client.Conference(conference_id).play_audio_to_member(...)``."""
        ...

    def speak_sentence_to_member(
        self,
        conference_id: str,
        /,
        member_id: str,
        sentence: str,
        tag: Optional[str] = None,
    ) -> None:
        """Speak ``sentence`` to one member only. Id first:
        ``client.Conference(conference_id).speak_sentence_to_member(...)``."""
        ...

    def play_audio_file_to_member(
        self,
        conference_id: str,
        /,
        member_id: str,
        file_url: str,
        tag: Optional[str] = None,
    ) -> None:
        """Play the file at ``file_url`` to one member only. Id first:
        ``client.Conference(conference_id).play_audio_file_to_member(...)``."""
        ...

    def terminate(self, conference_id: str, /) -> None:
        """End the conference for every member (``{"state": "completed"}``). Id first:
        ``client.Conference(conference_id).terminate(...)``."""
        ...

    def remove(self, conference_id: str, /) -> None:
        """End the conference for every member (``{"state": "completed"}``). Id first:
        ``client.Conference(conference_id).remove(...)``."""
        ...

    def create_member(
        self,
        conference_id: str,
        /,
        call_id: Union[str, Mapping[str, Any]],
        **options: Unpack[kw.MemberAddKwargs],
    ) -> str:
        """Add a call (``POST /conferences/{id}/members``); returns the member id from
        ``Location``. The call must be active (the API wants it created with this
        ``conference_id``). Id first:
        ``client.Conference(conference_id).create_member(...)``."""
        ...

    def delete_member(self, conference_id: str, /, member_id: str) -> None:
        """Remove a member (``{"state": "completed"}``). Id first:
        ``client.Conference(conference_id).delete_member(...)``."""
        ...

    def play_audio_advanced_to_member(
        self,
        conference_id: str,
        member_id: str,
        options: Union[AudioOptions, Mapping[str, Any], None] = None,
        /,
        **kwargs: Unpack[kw.AudioKwargs],
    ) -> None:
        """Speak or play to one member only (``POST .../members/{member_id}/audio``). Id first:
        ``client.Conference(conference_id).play_audio_advanced_to_member(...)``."""
        ...

    def play_audio(
        self,
        conference_id: str,
        options: Union[AudioOptions, Mapping[str, Any], None] = None,
        /,
        **kwargs: Unpack[kw.AudioKwargs],
    ) -> None:
        """Speak a sentence or play a file (``POST .../audio``). Id first:
        ``client.Conference(conference_id).play_audio(...)``."""
        ...

    def speak_sentence(
        self,
        conference_id: str,
        /,
        sentence: str,
        tag: Optional[str] = None,
        gender: Optional[str] = None,
        voice: Optional[str] = None,
        **options: Unpack[kw.SpeakKwargs],
    ) -> None:
        """Speak ``sentence``, in Ruby's shape ``speak_sentence(sentence, tag, gender, voice)``
        or with keywords. Only what is given is sent: unlike the Ruby SDK, no default
        gender or voice is added. Id first:
        ``client.Conference(conference_id).speak_sentence(...)``."""
        ...

    def play_audio_file(
        self,
        conference_id: str,
        /,
        file_url: str,
        tag: Optional[str] = None,
        **options: Unpack[kw.PlayFileKwargs],
    ) -> None:
        """Play the WAV or MP3 at ``file_url``; Ruby's ``play_recording(url, tag)`` shape, or
        keywords. Id first:
        ``client.Conference(conference_id).play_audio_file(...)``."""
        ...

    def stop_speaking(self, conference_id: str, /) -> None:
        """Stop a sentence being spoken (``{"sentence": ""}``). Id first:
        ``client.Conference(conference_id).stop_speaking(...)``."""
        ...

    def stop_audio_file(self, conference_id: str, /) -> None:
        """Stop a file being played (``{"fileUrl": ""}``). Id first:
        ``client.Conference(conference_id).stop_audio_file(...)``."""
        ...

    def play_recording(
        self,
        conference_id: str,
        /,
        file_url: str,
        tag: Optional[str] = None,
        **options: Unpack[kw.PlayFileKwargs],
    ) -> None:
        """Play the WAV or MP3 at ``file_url``; Ruby's ``play_recording(url, tag)`` shape, or
        keywords. Id first: ``client.Conference(conference_id).play_recording(...)``."""
        ...

    def play_audio_advanced(
        self,
        conference_id: str,
        options: Union[AudioOptions, Mapping[str, Any], None] = None,
        /,
        **kwargs: Unpack[kw.AudioKwargs],
    ) -> None:
        """Speak a sentence or play a file (``POST .../audio``). Id first:
        ``client.Conference(conference_id).play_audio_advanced(...)``."""
        ...

    def stop_audio_file_playback(self, conference_id: str, /) -> None:
        """Stop a file being played (``{"fileUrl": ""}``). Id first:
        ``client.Conference(conference_id).stop_audio_file_playback(...)``."""
        ...

    def refresh(self, conference_id: str, /) -> Conference:
        """Fetch the resource again (``GET`` its own URL) and return the new snapshot. Id first:
        ``client.Conference(conference_id).refresh(...)``."""
        ...


class DomainMirrors:
    """The methods of ``Domain``, id first."""

    def delete(self, domain_id: str, /) -> None:
        """Delete the domain (``DELETE /domains/{id}``). Id first:
        ``client.Domain(domain_id).delete(...)``."""
        ...

    def endpoint(self, domain_id: str, /, endpoint_id: str) -> Endpoint:
        """A handle on one of its endpoints; no request is made. Id first:
        ``client.Domain(domain_id).endpoint(...)``."""
        ...

    def create_endpoint(
        self,
        domain_id: str,
        options: Union[EndpointOptions, Mapping[str, Any], None] = None,
        /,
        **kwargs: Unpack[kw.DomainEndpointKwargs],
    ) -> Endpoint:
        """Create an endpoint in this domain (``POST /domains/{id}/endpoints``); the id comes
        from ``Location`` (no GET: ``refresh()`` reads its ``sip_uri``). Id first:
        ``client.Domain(domain_id).create_endpoint(...)``."""
        ...

    def get_endpoint(self, domain_id: str, /, endpoint_id: str) -> Endpoint:
        """Fetch one endpoint (``GET /domains/{id}/endpoints/{endpoint_id}``). Id first:
        ``client.Domain(domain_id).get_endpoint(...)``."""
        ...

    def get_endpoints(
        self,
        domain_id: str,
        options: Optional[Mapping[str, Any]] = None,
        /,
        *,
        limit: Optional[int] = None,
        **query: Unpack[kw.EndpointQueryKwargs],
    ) -> Iterator[Endpoint]:
        """Iterate over its endpoints (``GET /domains/{id}/endpoints``), following ``next``
        links; ``page``, ``size`` (1..1000) and ``limit`` as in ``client.Call.list``.
        Id first: ``client.Domain(domain_id).get_endpoints(...)``."""
        ...

    def delete_endpoint(self, domain_id: str, /, endpoint_id: str) -> None:
        """Delete one of its endpoints. Id first:
        ``client.Domain(domain_id).delete_endpoint(...)``."""
        ...

    def refresh(self, domain_id: str, /) -> Domain:
        """Fetch the resource again (``GET`` its own URL) and return the new snapshot. Id first:
        ``client.Domain(domain_id).refresh(...)``."""
        ...


class EndpointMirrors:
    """The methods of ``Endpoint``, id first."""

    def update(
        self,
        domain_id: str,
        endpoint_id: str,
        options: Union[EndpointUpdate, Mapping[str, Any], None] = None,
        /,
        **kwargs: Unpack[kw.EndpointUpdateKwargs],
    ) -> None:
        """Change the endpoint (``POST /domains/{d}/endpoints/{id}``); its name cannot change.
        Id first: ``client.Endpoint(domain_id, endpoint_id).update(...)``."""
        ...

    def delete(self, domain_id: str, endpoint_id: str, /) -> None:
        """Delete the endpoint (``DELETE /domains/{d}/endpoints/{id}``). Id first:
        ``client.Endpoint(domain_id, endpoint_id).delete(...)``."""
        ...

    def create_auth_token(
        self,
        domain_id: str,
        endpoint_id: str,
        options: Optional[Mapping[str, Any]] = None,
        /,
        **kwargs: Unpack[kw.TokenKwargs],
    ) -> EndpointToken:
        """A token its SIP client may authenticate with instead of the password (``POST
        .../endpoints/{id}/tokens``). Id first: ``client.Endpoint(domain_id,
        endpoint_id).create_auth_token(...)``."""
        ...

    def delete_auth_token(self, domain_id: str, endpoint_id: str, /, token: str) -> None:
        """Revoke a token (``DELETE .../endpoints/{id}/tokens/{token}``). Id first:
        ``client.Endpoint(domain_id, endpoint_id).delete_auth_token(...)``."""
        ...

    def refresh(self, domain_id: str, endpoint_id: str, /) -> Endpoint:
        """Fetch the resource again (``GET`` its own URL) and return the new snapshot. Id first:
        ``client.Endpoint(domain_id, endpoint_id).refresh(...)``."""
        ...


class ErrorMirrors:
    """The methods of ``LoggedError``, id first."""

    def refresh(self, error_id: str, /) -> LoggedError:
        """Fetch the resource again (``GET`` its own URL) and return the new snapshot. Id first:
        ``client.Error(error_id).refresh(...)``."""
        ...


class MessageMirrors:
    """The methods of ``Message``, id first."""

    def redact(self, message_id: str, /) -> None:
        """Remove its text for good (``PATCH /messages/{id}`` with ``{"text": ""}``). Id first:
        ``client.Message(message_id).redact(...)``."""
        ...

    def patch(
        self,
        message_id: str,
        options: Optional[Mapping[str, Any]] = None,
        /,
        **kwargs: Any,
    ) -> None:
        """The official SDKs' name for redacting: only ``{"text": ""}`` is allowed (the API
        refuses any other change). Id first:
        ``client.Message(message_id).patch(...)``."""
        ...

    def refresh(self, message_id: str, /) -> Message:
        """Fetch the resource again (``GET`` its own URL) and return the new snapshot. Id first:
        ``client.Message(message_id).refresh(...)``."""
        ...


class PhoneNumberMirrors:
    """The methods of ``PhoneNumber``, id first."""

    def update(
        self,
        number_id: str,
        options: Union[PhoneNumberOptions, Mapping[str, Any], None] = None,
        /,
        **kwargs: Unpack[kw.PhoneNumberKwargs],
    ) -> None:
        """Change ``name``, ``application_id`` or ``fallback_number`` (``POST
        /phoneNumbers/{id}``); fields not sent keep their value. Id first:
        ``client.PhoneNumber(number_id).update(...)``."""
        ...

    def delete(self, number_id: str, /) -> None:
        """Release the number for good (``DELETE /phoneNumbers/{id}``). Id first:
        ``client.PhoneNumber(number_id).delete(...)``."""
        ...

    def refresh(self, number_id: str, /) -> PhoneNumber:
        """Fetch the resource again (``GET`` its own URL) and return the new snapshot. Id first:
        ``client.PhoneNumber(number_id).refresh(...)``."""
        ...


class RecordingMirrors:
    """The methods of ``Recording``, id first."""

    def download(self, recording_id: str, /, to: Target = None) -> bytes:
        """The recording's audio from the media store (``GET /media/{name}``); also written to
        ``to`` (a path or a binary file object) when given. Fetches the recording
        first when this snapshot does not know its media (a handle). Id first:
        ``client.Recording(recording_id).download(...)``."""
        ...

    def create_transcription(self, recording_id: str, /) -> Transcription:
        """Transcribe the recording (``POST /recordings/{id}/transcriptions`` with ``{}``); the
        id comes from ``Location`` (no GET). Only a ``complete`` recording can be
        transcribed (403 invalid-recording-state); a ``transcription`` event follows.
        Id first: ``client.Recording(recording_id).create_transcription(...)``."""
        ...

    def get_transcriptions(self, recording_id: str, /) -> list[Transcription]:
        """The recording's transcriptions (``GET /recordings/{id}/transcriptions``). Id first:
        ``client.Recording(recording_id).get_transcriptions(...)``."""
        ...

    def get_transcription(self, recording_id: str, /, transcription_id: str) -> Transcription:
        """One transcription (``GET /recordings/{id}/transcriptions/{transcription_id}``). Id
        first: ``client.Recording(recording_id).get_transcription(...)``."""
        ...

    def refresh(self, recording_id: str, /) -> Recording:
        """Fetch the resource again (``GET`` its own URL) and return the new snapshot. Id first:
        ``client.Recording(recording_id).refresh(...)``."""
        ...
