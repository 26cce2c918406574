#!/usr/bin/env python3
"""Every command in the runbooks exists: part of `make static-checks`.

    check-runbooks.py FILE...   (docs/runbooks/*.md, and the deploy scripts)

In the Markdown files' shell blocks and inline `code`, and in the shell scripts, it checks:
- `make TARGET`: a target of the Makefile;
- repository paths (`scripts/...`, `infra/...`, `docs/...`, `migration/...`, `server/...`):
  they exist;
- `terraform ... output [-raw|-json] NAME`: an output of the environments;
- `terraform ... state rm|import ADDRESS`: the resource exists in the stack's modules;
- `aws SERVICE COMMAND [--option ...]` (and `aws SERVICE wait WAITER`): the AWS CLI (the
  pinned awscli, offline) has the command and every option given.
Run with the static-checks virtualenv's python, which has awscli.
"""
import pathlib
import re
import shlex
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PATH_PREFIXES = ("scripts/", "infra/", "docs/", "migration/", "server/", "contract-tests/", ".github/")

failures = []


def fail(where, message):
    failures.append(f"{where}: {message}")


def make_targets():
    makefile = (ROOT / "Makefile").read_text()
    return set(re.findall(r"^([a-z][a-z0-9-]*):", makefile, re.M))


def terraform_outputs():
    outputs = (ROOT / "infra/terraform/envs/dev/outputs.tf").read_text()
    return set(re.findall(r'^output "([^"]+)"', outputs, re.M))


def terraform_resource_exists(address):
    """module.stack.module.NAME.TYPE.NAME: the resource is in modules/NAME."""
    parts = address.split(".")
    if len(parts) != 6 or parts[0] != "module" or parts[1] != "stack" or parts[2] != "module":
        return False
    module, kind, name = parts[3], parts[4], parts[5]
    sources = "".join(p.read_text() for p in (ROOT / "infra/terraform/modules" / module).glob("*.tf"))
    return f'resource "{kind}" "{name}"' in sources


class AwsCli:
    def __init__(self):
        from awscli.clidriver import create_clidriver

        self.driver = create_clidriver()
        self.services = self.driver._get_command_table()
        self.global_args = set(self.driver._get_argument_table())

    def check(self, where, words):
        """words: the command line after `aws`."""
        if len(words) < 2:
            return fail(where, f"aws {' '.join(words)}: incomplete")
        service, command = words[0], words[1]
        if service not in self.services:
            return fail(where, f"aws {service}: no such service")
        commands = self.services[service]._get_command_table() if hasattr(self.services[service], "_get_command_table") else {}
        if command not in commands:
            return fail(where, f"aws {service} {command}: no such command")
        operation = commands[command]
        rest = words[2:]
        if command == "wait":
            if not rest or rest[0] not in operation.subcommand_table:
                return fail(where, f"aws {service} wait {rest[:1]}: no such waiter")
            operation = operation.subcommand_table[rest[0]]
            rest = rest[1:]
        options = set(operation.arg_table) | self.global_args
        for word in rest:
            if word.startswith("--"):
                name = word[2:].split("=", 1)[0]
                if name not in options:
                    fail(where, f"aws {service} {command}: no option --{name}")


def strip_comment(line):
    """The line without a trailing `# comment` (a # outside quotes, after a blank)."""
    quote = None
    for i, c in enumerate(line):
        if quote:
            quote = None if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i]
    return line


def segments(command):
    """The simple commands of a shell line: split at pipes, lists and substitutions."""
    for part in re.split(r"\|\||&&|[|;]|\$\(|`|\)", strip_comment(command)):
        part = part.strip()
        if part:
            yield part


def words_of(segment):
    try:
        words = shlex.split(segment, comments=True)
    except ValueError:
        words = segment.split()
    # Leading assignments (VAR=value command ...).
    while words and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0]):
        words = words[1:]
    return words


def check_command(where, command, aws, targets, outputs):
    for segment in segments(command):
        words = words_of(segment)
        if not words:
            continue
        for word in words:
            candidate = word.split("=", 1)[-1].rstrip(".,:")
            if candidate.startswith(PATH_PREFIXES) and "$" not in candidate and "<" not in candidate and "*" not in candidate:
                if not (ROOT / candidate).exists():
                    fail(where, f"no such path: {candidate}")
        if words[0] == "make":
            for target in (w for w in words[1:] if not w.startswith("-") and "=" not in w):
                if target not in targets:
                    fail(where, f"make {target}: no such target")
        elif words[0] == "terraform":
            args = [w for w in words[1:] if not w.startswith("-")]
            if args[:1] == ["output"] and len(args) > 1 and args[1] not in outputs:
                fail(where, f"terraform output {args[1]}: no such output")
            if args[:2] == ["state", "rm"] or args[:1] == ["import"]:
                address = args[2] if args[0] == "state" else args[1]
                if not terraform_resource_exists(address):
                    fail(where, f"terraform: no resource {address}")
        elif words[0] == "aws":
            aws.check(where, words[1:])


def commands_in_markdown(path):
    """(line number, command) for every line of a sh block and every inline code span."""
    lines = path.read_text().splitlines()
    in_block = False
    pending, start = "", 0
    for number, line in enumerate(lines, 1):
        if line.startswith("```"):
            in_block = line.strip() in ("```sh", "```bash", "```shell") if not in_block else False
            continue
        if in_block:
            if not pending:
                start = number
            if line.rstrip().endswith("\\"):
                pending += line.rstrip()[:-1] + " "
                continue
            yield start, pending + line
            pending = ""
        else:
            for span in re.findall(r"`([^`]+)`", line):
                if re.match(r"^(make|aws|terraform|scripts/|infra/)", span):
                    yield number, span
    # Inline spans broken over two lines: join each paragraph and look again for `aws ...`.
    text = "\n".join(lines)
    for match in re.finditer(r"`(aws [^`]+)`", text):
        if "\n" in match.group(1):
            yield text[: match.start()].count("\n") + 1, match.group(1).replace("\n", " ")


def commands_in_script(path):
    pending, start = "", 0
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if line.lstrip().startswith("#"):
            continue
        if not pending:
            start = number
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        yield start, pending + line
        pending = ""


def main():
    files = [pathlib.Path(f) for f in sys.argv[1:]]
    aws, targets, outputs = AwsCli(), make_targets(), terraform_outputs()
    checked = 0
    for path in files:
        source = commands_in_markdown(path) if path.suffix == ".md" else commands_in_script(path)
        for number, command in source:
            checked += 1
            check_command(f"{path}:{number}", command, aws, targets, outputs)
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"check-runbooks: {checked} command lines in {len(files)} files, {len(failures)} problems")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
