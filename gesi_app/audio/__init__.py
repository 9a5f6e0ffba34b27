"""Audio prompts: every question, hint, error and status can be heard (gTTS, espeak-ng)."""
