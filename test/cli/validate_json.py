#!/usr/bin/env python3
"""Validates sessionlint's JSON or Code Climate output.

usage: validate_json.py json SCHEMA FILE
       validate_json.py codeclimate FILE
Prints 'valid: N findings' or the first problem, and exits 1 on a problem.
"""
import json
import sys


def main():
    kind = sys.argv[1]
    if kind == 'json':
        import jsonschema
        with open(sys.argv[2]) as f:
            schema = json.load(f)
        with open(sys.argv[3]) as f:
            doc = json.load(f)
        try:
            jsonschema.validate(doc, schema)
        except jsonschema.ValidationError as e:
            print('invalid: %s' % e.message)
            return 1
        print('valid: %d findings' % len(doc['findings']))
        return 0
    if kind == 'codeclimate':
        # GitLab's code quality report: an array of issues with these keys.
        with open(sys.argv[2]) as f:
            doc = json.load(f)
        if not isinstance(doc, list):
            print('invalid: not an array')
            return 1
        for issue in doc:
            for key in ('description', 'check_name', 'fingerprint', 'severity'):
                if not isinstance(issue.get(key), str) or not issue[key]:
                    print('invalid: issue without %s' % key)
                    return 1
            loc = issue.get('location', {})
            if not isinstance(loc.get('path'), str) or \
               not isinstance(loc.get('lines', {}).get('begin'), int):
                print('invalid: issue without location.path / lines.begin')
                return 1
            if issue['severity'] not in ('info', 'minor', 'major', 'critical', 'blocker'):
                print('invalid: severity %s' % issue['severity'])
                return 1
        print('valid: %d findings' % len(doc))
        return 0
    print('unknown kind %s' % kind)
    return 2


if __name__ == '__main__':
    sys.exit(main())
