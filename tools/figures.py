"""Drawing primitives for Backstop's exercise illustrations.

A pose is a small dict of joint angles (degrees, 0 = to the right, 90 = up) or targets the limb should reach;
the functions here turn poses into SVG fragments in one consistent style. Used by draw_exercises.py.
"""
import math

INK = "#2b3a55"          # near limbs, trunk, head
FAR = "#8d9ab0"          # limbs on the far side of the body
GHOST = "#c9d0db"        # the start position, repeated faintly in the End panel
ACCENT = "#d9480f"       # movement arrows
PROP_LINE = "#7b8794"
PROP_FILL = "#e6eaef"
BAND = "#2a9d8f"
BREATH = "#8ecae6"
TORSO = "#5a6e92"         # front-view trunk, lighter than the limbs so arms in front of it stay visible

TRUNK, NECK, HEAD_R = 40, 6, 8
UPPER_ARM, FOREARM = 20, 18
THIGH, SHIN, FOOT = 30, 29, 8
FLOOR_Y = 148


def unit(angle):
    rad = math.radians(angle)
    return math.cos(rad), -math.sin(rad)


def step(point, angle, length):
    dx, dy = unit(angle)
    return point[0] + dx * length, point[1] + dy * length


def angle_to(a, b):
    return math.degrees(math.atan2(-(b[1] - a[1]), b[0] - a[0]))


def reach(root, target, l1, l2, bend):
    """Angles of a two-segment limb from root towards target; bend +1/-1 picks the side the middle joint goes."""
    d = math.dist(root, target)
    d = min(max(d, abs(l1 - l2) + 0.01), l1 + l2 - 0.01)
    base = angle_to(root, target)
    inner = math.degrees(math.acos((l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)))
    first = base + bend * inner
    middle = step(root, first, l1)
    return first, angle_to(middle, target)


def limb_angles(root, spec, l1, l2):
    """A limb is given as two absolute angles, as {"to": end point, "bend": +-1}, or as {"via": middle joint
    direction, "then": angle of the second segment} (a knee on the floor with the shin lying back, say)."""
    if isinstance(spec, dict) and "via" in spec:
        return angle_to(root, spec["via"]), spec["then"]
    if isinstance(spec, dict):
        return reach(root, spec["to"], l1, l2, spec.get("bend", 1))
    return spec


def fmt(value):
    return f"{value:.1f}".rstrip("0").rstrip(".")


def line(a, b, color, width, extra=""):
    return (f'<line x1="{fmt(a[0])}" y1="{fmt(a[1])}" x2="{fmt(b[0])}" y2="{fmt(b[1])}" '
            f'stroke="{color}" stroke-width="{width}" stroke-linecap="round"{extra}/>')


def polyline(points, color, width, extra=""):
    pts = " ".join(f"{fmt(x)},{fmt(y)}" for x, y in points)
    return (f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="{width}" '
            f'stroke-linecap="round" stroke-linejoin="round"{extra}/>')


def circle(c, r, fill, stroke="none", width=0, extra=""):
    return (f'<circle cx="{fmt(c[0])}" cy="{fmt(c[1])}" r="{fmt(r)}" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{width}"{extra}/>')


class Side:
    """A figure seen from the side. face=+1: the front of the body is clockwise from the trunk direction."""

    def __init__(self, hip, trunk=90, neck=None, arms=((-95, -90), (-85, -90)), legs=((-90, -90), (-90, -90)),
                 bend=0, face=1, belly=0, feet=(None, None)):
        self.joints = {"hip": hip}
        self.face = face
        self.bend = bend
        self.belly = belly
        self.trunk_angle = trunk
        shoulder = step(hip, trunk, TRUNK)
        self.joints["shoulder"] = shoulder
        neck = trunk if neck is None else neck
        self.joints["neck"] = step(shoulder, neck, NECK)
        self.joints["head"] = step(shoulder, neck, NECK + HEAD_R)
        self.neck_angle = neck
        front = trunk - 90 * face
        self.joints["belly"] = step(step(hip, trunk, TRUNK * 0.35), front, 5 + belly)
        self.arms = [self._limb(shoulder, arm, UPPER_ARM, FOREARM, f"elbow{i}", f"hand{i}") for i, arm in enumerate(arms)]
        self.legs = []
        for i, leg in enumerate(legs):
            thigh, shin = self._limb(hip, leg, THIGH, SHIN, f"knee{i}", f"ankle{i}")
            foot_angle = feet[i] if feet[i] is not None else shin + 90 * face
            self.joints[f"toe{i}"] = step(self.joints[f"ankle{i}"], foot_angle, FOOT)
            self.legs.append((thigh, shin))

    def _limb(self, root, spec, l1, l2, mid_name, end_name):
        a1, a2 = limb_angles(root, spec, l1, l2)
        mid = step(root, a1, l1)
        self.joints[mid_name] = mid
        self.joints[end_name] = step(mid, a2, l2)
        return a1, a2

    def svg(self, ghost=False):
        near = GHOST if ghost else INK
        far = GHOST if ghost else FAR
        dash = ' stroke-dasharray="3 3"' if ghost else ""
        j = self.joints
        out = []
        for i in (1,):
            out.append(polyline([j["hip"], j[f"knee{i}"], j[f"ankle{i}"], j[f"toe{i}"]], far, 5, dash))
            out.append(polyline([j["shoulder"], j[f"elbow{i}"], j[f"hand{i}"]], far, 4.5, dash))
        hip, shoulder = j["hip"], j["shoulder"]
        mid = ((hip[0] + shoulder[0]) / 2, (hip[1] + shoulder[1]) / 2)
        back = self.trunk_angle + 90 * self.face
        ctrl = step(mid, back, self.bend * 2)
        out.append(f'<path d="M{fmt(hip[0])},{fmt(hip[1])} Q{fmt(ctrl[0])},{fmt(ctrl[1])} {fmt(shoulder[0])},'
                   f'{fmt(shoulder[1])}" fill="none" stroke="{near}" stroke-width="8" stroke-linecap="round"{dash}/>')
        if self.belly and not ghost:
            out.append(circle(j["belly"], 3 + self.belly * 0.8, BREATH, extra=' opacity="0.8"'))
        out.append(line(shoulder, j["neck"], near, 5, dash))
        out.append(circle(j["head"], HEAD_R, "none" if ghost else near, near if ghost else "none", 2 if ghost else 0, dash))
        if not ghost:
            eye = step(j["head"], self.neck_angle - 90 * self.face, HEAD_R * 0.55)
            out.append(circle(eye, 1.3, "#ffffff"))
        if not ghost:
            # A white edge keeps a limb readable where it crosses the body.
            out.append(polyline([hip, j["knee0"], j["ankle0"], j["toe0"]], "#ffffff", 8.5))
        out.append(polyline([hip, j["knee0"], j["ankle0"], j["toe0"]], near, 5.5, dash))
        if not ghost:
            out.append(polyline([shoulder, j["elbow0"], j["hand0"]], "#ffffff", 8))
        out.append(polyline([shoulder, j["elbow0"], j["hand0"]], near, 5, dash))
        return "\n".join(out)


class Front:
    """A figure seen from the front or back. Arms and legs are given left (screen) then right."""

    def __init__(self, cx, hip_y, tilt=90, neck=None, arms=((-100, -95), (-80, -85)),
                 legs=((-95, -90), (-85, -90)), twist=0, blades=None, seated=False, shrug=0, ribs=0):
        self.joints = {"hip": (cx, hip_y)}
        self.ribs = ribs
        self.blades = blades
        self.seated = seated
        hip = (cx, hip_y)
        center = step(hip, tilt, TRUNK)
        self.joints["shoulder"] = center
        half = 13 * math.cos(math.radians(twist))
        self.twist = twist
        self.joints["shoulderL"] = step(step(center, tilt + 90, half), tilt, shrug)
        self.joints["shoulderR"] = step(step(center, tilt - 90, half), tilt, shrug)
        ribs_center = step(hip, tilt, TRUNK * 0.45)
        self.joints["ribsL"] = step(ribs_center, tilt + 90, 10 + ribs)
        self.joints["ribsR"] = step(ribs_center, tilt - 90, 10 + ribs)
        self.joints["hipL"] = step(hip, tilt + 90, 7)
        self.joints["hipR"] = step(hip, tilt - 90, 7)
        neck = tilt if neck is None else neck
        self.joints["neck"] = step(center, neck, NECK)
        self.joints["head"] = step(center, neck, NECK + HEAD_R + 1)
        self.tilt = tilt
        for side, arm in zip("LR", arms):
            root = self.joints["shoulder" + side]
            a1, a2 = limb_angles(root, arm, UPPER_ARM, FOREARM)
            self.joints["elbow" + side] = step(root, a1, UPPER_ARM)
            self.joints["hand" + side] = step(self.joints["elbow" + side], a2, FOREARM)
        for side, leg in zip("LR", legs):
            root = self.joints["hip" + side]
            if seated:
                knee = (root[0] + (-4 if side == "L" else 4), root[1] + 6)
                self.joints["knee" + side] = knee
                self.joints["ankle" + side] = (knee[0], FLOOR_Y - 3)
            else:
                a1, a2 = leg
                self.joints["knee" + side] = step(root, a1, THIGH)
                self.joints["ankle" + side] = step(self.joints["knee" + side], a2, SHIN)

    def svg(self, ghost=False):
        near = GHOST if ghost else INK
        dash = ' stroke-dasharray="3 3"' if ghost else ""
        j = self.joints
        out = []
        for side in "LR":
            out.append(polyline([j["hip" + side], j["knee" + side], j["ankle" + side]], near, 5.5, dash))
        body = [j["shoulderL"], j["shoulderR"], j["ribsR"], j["hipR"], j["hipL"], j["ribsL"]]
        pts = " ".join(f"{fmt(x)},{fmt(y)}" for x, y in body)
        fill = "none" if ghost else TORSO
        out.append(f'<polygon points="{pts}" fill="{fill}" stroke="{near}" stroke-width="4" stroke-linejoin="round"{dash}/>')
        if self.blades is not None and not ghost:
            c = j["shoulder"]
            for sign in (-1, 1):
                top = (c[0] + sign * self.blades, c[1] + 5)
                out.append(line(top, (top[0] + sign * 2, top[1] + 11), "#ffffff", 2.5))
        out.append(line(j["shoulder"], j["neck"], near, 5, dash))
        out.append(circle(j["head"], HEAD_R, "none" if ghost else near, near if ghost else "none", 2 if ghost else 0, dash))
        for side in "LR":
            color = near if not (self.twist and side == "R") or ghost else FAR
            arm = [j["shoulder" + side], j["elbow" + side], j["hand" + side]]
            if not ghost:
                out.append(polyline(arm, "#ffffff", 8))
            out.append(polyline(arm, color, 5, dash))
        return "\n".join(out)


# ---------------- props ----------------

def floor():
    return line((6, FLOOR_Y + 3), (154, FLOOR_Y + 3), PROP_LINE, 2)


def chair(x, facing=1, seat_y=121, back=True):
    """Side view of a chair whose seat starts at x and runs 36 px in the facing direction."""
    x2 = x + 36 * facing
    parts = [line((x, seat_y), (x2, seat_y), PROP_LINE, 4),
             line((x + 2 * facing, seat_y), (x + 2 * facing, FLOOR_Y + 2), PROP_LINE, 3),
             line((x2 - 2 * facing, seat_y), (x2 - 2 * facing, FLOOR_Y + 2), PROP_LINE, 3)]
    if back:
        parts.append(line((x, seat_y), (x - 3 * facing, seat_y - 42), PROP_LINE, 4))
    return "\n".join(parts)


def chair_front(cx, seat_y=121):
    return "\n".join([line((cx - 18, seat_y), (cx + 18, seat_y), PROP_LINE, 4),
                      line((cx - 16, seat_y), (cx - 16, FLOOR_Y + 2), PROP_LINE, 3),
                      line((cx + 16, seat_y), (cx + 16, FLOOR_Y + 2), PROP_LINE, 3)])


def wall(x):
    return (f'<rect x="{fmt(x - 3)}" y="26" width="6" height="{FLOOR_Y - 23}" fill="{PROP_FILL}" '
            f'stroke="{PROP_LINE}" stroke-width="1.5"/>')


def roller(c, r=8):
    return circle(c, r, PROP_FILL, PROP_LINE, 2) + "\n" + circle(c, 2, PROP_LINE)


def towel(x1, x2, y, thickness=6):
    return (f'<rect x="{fmt(min(x1, x2))}" y="{fmt(y - thickness / 2)}" width="{fmt(abs(x2 - x1))}" '
            f'height="{fmt(thickness)}" rx="{fmt(thickness / 2)}" fill="{PROP_FILL}" stroke="{PROP_LINE}" stroke-width="1.5"/>')


def band(a, b):
    return line(a, b, BAND, 2.5)


def anchor(p):
    return circle(p, 3, BAND)


def weight(p):
    x, y = p
    return (f'<rect x="{fmt(x - 6)}" y="{fmt(y - 3)}" width="12" height="6" rx="1.5" fill="{PROP_LINE}"/>'
            + "\n" + line((x - 7, y - 4), (x - 7, y + 4), PROP_LINE, 3) + line((x + 7, y - 4), (x + 7, y + 4), PROP_LINE, 3))


def arrow(a, b, curve=0):
    """A movement arrow from a to b; curve bows it sideways (positive = left of the direction of travel)."""
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    ctrl = step(mid, angle_to(a, b) + 90, curve)
    return (f'<path d="M{fmt(a[0])},{fmt(a[1])} Q{fmt(ctrl[0])},{fmt(ctrl[1])} {fmt(b[0])},{fmt(b[1])}" '
            f'fill="none" stroke="{ACCENT}" stroke-width="2.2" stroke-linecap="round" marker-end="url(#arrowhead)"/>')


def loop(center, r, start=200, sweep=280):
    """A nearly closed circular arrow around a point, for circling movements."""
    a = step(center, start, r)
    b = step(center, start - sweep, r)
    large = 1 if sweep > 180 else 0
    return (f'<path d="M{fmt(a[0])},{fmt(a[1])} A{fmt(r)},{fmt(r)} 0 {large} 1 {fmt(b[0])},{fmt(b[1])}" '
            f'fill="none" stroke="{ACCENT}" stroke-width="2.2" stroke-linecap="round" marker-end="url(#arrowhead)"/>')


def mat(x1, y1, x2, y2):
    return (f'<rect x="{fmt(x1)}" y="{fmt(y1)}" width="{fmt(x2 - x1)}" height="{fmt(y2 - y1)}" rx="6" '
            f'fill="#f3f5f8" stroke="{PROP_LINE}" stroke-width="1" stroke-dasharray="4 3"/>')


def desk(x1=112, x2=156, top=100):
    return "\n".join([line((x1, top), (x2, top), PROP_LINE, 4),
                      line((x2 - 4, top), (x2 - 4, FLOOR_Y + 2), PROP_LINE, 3),
                      f'<rect x="{fmt(x2 - 16)}" y="{fmt(top - 34)}" width="5" height="28" rx="1.5" fill="{PROP_LINE}"/>',
                      line((x2 - 14, top - 6), (x2 - 14, top), PROP_LINE, 3)])


def label(x, y, text):
    return (f'<text x="{fmt(x)}" y="{fmt(y)}" text-anchor="middle" font-family="system-ui, sans-serif" '
            f'font-size="10" fill="{ACCENT}">{text}</text>')
