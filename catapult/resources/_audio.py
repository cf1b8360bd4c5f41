"""Audio, written once for every resource that has it: calls, bridges, conferences and
conference members each ``POST {their path}/audio`` with the same options, so the same
options give the same bytes on every one of them."""

from __future__ import annotations

from typing import Any, ClassVar, Mapping, Optional, Union

import attrs

from .. import _kwargs as kw
from .. import _options
from .._checks import BOOLEAN, one_of, text, whole
from .._compat import Unpack
from .._options import option
from ._base import Handle

__all__ = ["AudioOptions"]

#: the longest sentence the API speaks
MAX_SENTENCE = 1000


@_options.documented
@attrs.frozen(kw_only=True)
class AudioOptions:
    """The options of ``play_audio`` on a call, a bridge, a conference or a member, and of a
    transfer's ``whisper_audio``; a dict with the same keys works as well."""

    sentence: Optional[str] = option(text(max_length=MAX_SENTENCE),
                                     doc='text to speak ("" stops speaking)')
    file_url: Optional[str] = option(text(), doc='URL of a WAV or MP3 file ("" stops playback)')
    gender: Optional[str] = option(one_of("male", "female"),
                                   doc="the voice's gender (the API's default: female)")
    locale: Optional[str] = option(text(), doc="e.g. en_US (the default), en_UK, es_MX")
    voice: Optional[str] = option(text(), doc="e.g. Susan (the default), Kate, Paul")
    loop_enabled: Optional[bool] = option(BOOLEAN, doc="play in a loop until stopped")
    tag: Optional[str] = option(text(), doc="echoed in the speak or playback events")
    volume: Union[int, str, None] = option(whole(-4, 4), doc="louder or softer (default 0)")


class Audio(Handle):
    """The audio methods of a resource that speaks and plays: ``play_audio``,
    ``speak_sentence``, ``play_audio_file``, the stops, and their official names."""

    __slots__ = ()
    #: how its options are named in messages ("bridge audio option sentence ...")
    audio_title: ClassVar[str] = "audio"

    @_options.shows_options(AudioOptions)
    def play_audio(self, options: Union[AudioOptions, Mapping[str, Any], None] = None, /,
                   **kwargs: Unpack[kw.AudioKwargs]) -> None:
        """Speak a sentence or play a file (``POST .../audio``).

        Raises:
            InvalidOptionError: an unknown option or a bad value; nothing was sent.
        """
        self._play(_options.items_of(options, self.audio_title) + list(kwargs.items()))

    @_options.shows_options(AudioOptions)
    def speak_sentence(self, /, sentence: str, tag: Optional[str] = None,
                       gender: Optional[str] = None, voice: Optional[str] = None,
                       **options: Unpack[kw.SpeakKwargs]) -> None:
        """Speak ``sentence``, in Ruby's shape ``speak_sentence(sentence, tag, gender,
        voice)`` or with keywords. Only what is given is sent: unlike the Ruby SDK, no
        default gender or voice is added."""
        given = [(k, v) for k, v in (("tag", tag), ("gender", gender), ("voice", voice))
                 if v is not None]
        self._play([("sentence", sentence), *given, *options.items()])

    @_options.shows_options(AudioOptions)
    def play_audio_file(self, /, file_url: str, tag: Optional[str] = None,
                        **options: Unpack[kw.PlayFileKwargs]) -> None:
        """Play the WAV or MP3 at ``file_url``; Ruby's ``play_recording(url, tag)`` shape,
        or keywords."""
        given = [("tag", tag)] if tag is not None else []
        self._play([("file_url", file_url), *given, *options.items()])

    def stop_speaking(self) -> None:
        """Stop a sentence being spoken (``{"sentence": ""}``)."""
        self._play([("sentence", "")])

    def stop_audio_file(self) -> None:
        """Stop a file being played (``{"fileUrl": ""}``)."""
        self._play([("file_url", "")])

    # the official SDKs' names
    play_recording = play_audio_file              # Ruby
    play_audio_advanced = play_audio              # node
    stop_audio_file_playback = stop_audio_file    # node

    def _play(self, items: list[tuple[str, object]]) -> None:
        body = _options.to_body(AudioOptions, items, self.audio_title)
        self._t.request("POST", self._path("audio"), body=body)
