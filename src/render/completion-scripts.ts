// Each script asks `flashdeck __complete -- <words…>` for the words that fit where the cursor is (the last word is the
// one being typed), so commands, options, settings, decks, tags and ids are known in one place. When it has none (a
// folder, a file), the shell completes file names.

/** The shells `flashdeck completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const BASH = `# flashdeck completion for bash: add to ~/.bashrc
#   source <(flashdeck completion bash)
_flashdeck() {
  local IFS=$'\\n'
  COMPREPLY=($(flashdeck __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" </dev/null 2>/dev/null))
}
complete -o default -o nosort -F _flashdeck flashdeck 2>/dev/null || complete -o default -F _flashdeck flashdeck
`;

const ZSH = `#compdef flashdeck
# flashdeck completion for zsh: add to ~/.zshrc (after compinit)
#   source <(flashdeck completion zsh)
_flashdeck() {
  local -a found
  found=("\${(@f)$(flashdeck __complete -- "\${(@)words[2,CURRENT]}" </dev/null 2>/dev/null)}")
  found=("\${(@)found:#}")
  if (( \${#found} )); then
    compadd -a found
  else
    _files
  fi
}
compdef _flashdeck flashdeck
`;

const FISH = `# flashdeck completion for fish: save as ~/.config/fish/completions/flashdeck.fish
#   flashdeck completion fish > ~/.config/fish/completions/flashdeck.fish
function __flashdeck_complete
  set -l words (commandline -opc)[2..-1] (commandline -ct)
  flashdeck __complete -- $words </dev/null 2>/dev/null
end
complete -c flashdeck -f -a '(__flashdeck_complete)'
complete -c flashdeck -l cards -r -F
complete -c flashdeck -s o -l out -r -F
`;

/** The completion script for `shell`. */
export function formatCompletionScript(shell: Shell): string {
  return { bash: BASH, zsh: ZSH, fish: FISH }[shell].trimEnd();
}
