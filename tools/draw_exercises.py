"""Draws the illustration of every exercise in src/main/resources/exercise/exercises/.

Each exercise gets one SVG (320 x 160): the start position on the left, the end position on the right with the
start repeated faintly and arrows for the movement. Poses are described below per exercise; the committed SVGs
are what ships, so run this after changing a pose or adding an exercise:

    python3 tools/draw_exercises.py
"""
import html
import json
import pathlib

from figures import (ACCENT, FLOOR_Y, INK, Front, Side, anchor, arrow, band, chair, chair_front, desk, floor, label,
                     loop, mat, roller, step, towel, wall, weight)

ROOT = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/exercise"


# ---------------- pose builders ----------------

def stand(x=78, **kw):
    return Side((x, FLOOR_Y - 59), **kw)


def sit(x=70, **kw):
    kw.setdefault("legs", ((0, -90), (0, -90)))
    kw.setdefault("arms", ((-75, -10), (-70, -15)))
    return Side((x, 117), **kw)


def supine(x=46, **kw):
    kw.setdefault("neck", 0)
    kw.setdefault("legs", ({"to": (x - 34, 146), "bend": -1}, {"to": (x - 30, 146), "bend": -1}))
    kw.setdefault("feet", (180, 180))
    kw.setdefault("arms", ((175, 180), (178, 182)))
    return Side((x, 140), trunk=kw.pop("trunk", 0), face=-1, **kw)


def prone(x=42, **kw):
    kw.setdefault("neck", 0)
    kw.setdefault("legs", ((180, 180), (180, 180)))
    kw.setdefault("feet", (-100, -100))
    kw.setdefault("arms", ((180, 180), (182, 182)))
    return Side((x, 141), trunk=kw.pop("trunk", 0), face=1, **kw)


def quad(x=48, **kw):
    kw.setdefault("arms", ((-90, -90), (-88, -88)))
    kw.setdefault("legs", ((-90, 180), (-88, 180)))
    kw.setdefault("feet", (180, 180))
    kw.setdefault("neck", 5)
    return Side((x, 116), trunk=kw.pop("trunk", 12), face=1, **kw)


def side_lying(x=46, **kw):
    """Lying on one side, seen from above: the front of the body faces down the picture."""
    kw.setdefault("legs", ((-60, -170), (-62, -172)))
    kw.setdefault("feet", (-170, -170))
    kw.setdefault("arms", ((-90, -90), (-88, -88)))
    kw.setdefault("neck", 0)
    return Side((x, 80), trunk=0, face=1, **kw)


def front_stand(cx=80, **kw):
    return Front(cx, FLOOR_Y - 59, **kw)


def front_sit(cx=80, **kw):
    kw.setdefault("arms", ((-100, -80), (-80, -100)))
    return Front(cx, 117, seated=True, **kw)


def top_prone(**kw):
    """Lying face down seen from above, head to the right; arms are given as if standing, then turned."""
    return Front(80, 112, **kw)


W_ARMS = ((180, 90), (0, 90))
# In the turned top view the shoulder blades sit around (115, 96); these arrows show them drawing together.
SQUEEZE_FROM_ABOVE = [arrow((104, 66), (104, 82)), arrow((104, 126), (104, 110))]
Y_ARMS = ((130, 130), (50, 50))
T_ARMS = ((180, 180), (0, 0))
CROSSED = ({"to": (91, 82), "bend": 1}, {"to": (69, 84), "bend": -1})
HANDS_BEHIND_HEAD_SEATED = ({"to": (64, 66), "bend": -1}, {"to": (66, 66), "bend": -1})
# Lying figures seen from above: drawn standing, then turned so the head points right.
TOP_VIEW = "translate(0 -16) rotate(90 80 112)"


def behind_head(fig_hip, trunk, bend=-1):
    head = step(step(fig_hip, trunk, 40), trunk, 12)
    target = step(head, trunk + 90, 9)
    return ({"to": target, "bend": bend}, {"to": (target[0] + 2, target[1]), "bend": bend})


# ---------------- scenes ----------------
# start/end: figure first, then props (SVG strings). moves: (joint, curve[, (dx, dy)]) arrows from start to end.

S = {}


def scene(id, desc, start, end, props=(), moves=(), end_extra=(), rotate=None, hold=False, start_props=None,
          bands=(), weights=(), under=()):
    """bands: (joint, point or joint) pairs drawn as a band in both panels; weights: joints holding a weight;
    under: props drawn inside the figure's own (possibly turned) frame, beneath it."""
    S[id] = dict(desc=desc, start=start, end=end, props=list(props), moves=list(moves), end_extra=list(end_extra),
                 rotate=rotate, hold=hold, start_props=start_props, bands=list(bands), weights=list(weights),
                 under=list(under))


# mobility
scene("foam-roller-thoracic-extension", "Lying on the back with a foam roller across the upper back and hands behind the head; the upper back bends back over the roller.",
      supine(38, trunk=10, neck=10, arms=({"to": (86, 120), "bend": 1}, {"to": (88, 120), "bend": 1})),
      supine(38, trunk=2, neck=-12, bend=1, arms=({"to": (86, 134), "bend": 1}, {"to": (88, 134), "bend": 1})),
      props=[floor(), roller((68, 140))], moves=[("head", -8, (0, -10))])
scene("chair-thoracic-extension", "Sitting with hands behind the head; the upper back leans back over the top of the chair backrest, eyes to the ceiling.",
      sit(70, neck=90, arms=behind_head((70, 117), 90)),
      sit(70, trunk=104, neck=125, bend=-3, arms=behind_head((70, 117), 104)),
      props=[floor(), chair(58, back=True, seat_y=121)], moves=[("head", 10)])
scene("open-book-rotation", "Lying on the side seen from above, knees bent; the top arm sweeps from in front of the chest over to the other side.",
      side_lying(), side_lying(arms=((90, 90), (-88, -88)), neck=10),
      props=[mat(8, 40, 152, 150)], moves=[("hand0", -40)])
scene("seated-thoracic-rotation", "Sitting tall with arms crossed on the chest; the chest turns to one side while the hips stay still.",
      front_sit(arms=CROSSED), front_sit(arms=({"to": (88, 80)}, {"to": (76, 82), "bend": -1}), twist=55, neck=80),
      props=[floor(), chair_front(80)], end_extra=[arrow((62, 62), (98, 62), 10)])
scene("thread-the-needle", "On hands and knees, one arm reaches up to the ceiling, then slides under the body along the floor.",
      quad(arms=((80, 85), (-88, -88)), neck=30),
      quad(trunk=4, arms=((-150, 180), (-80, -80)), neck=-30, bend=1),
      props=[floor()], moves=[("hand0", 30)])
scene("cat-camel", "On hands and knees, the back rounds up towards the ceiling, then sinks gently with the head lifting.",
      quad(bend=6, neck=-40), quad(bend=-5, neck=35),
      props=[floor()], end_extra=[arrow((68, 92), (68, 112), 0)])
scene("doorway-pec-stretch", "Standing in a doorway with a forearm on the frame; the body steps and leans forward while the arm stays on the frame.",
      stand(78, arms=({"to": (96, 60), "bend": -1}, {"to": (95, 62), "bend": -1}), legs=((-90, -90), (-90, -90))),
      stand(88, trunk=78, arms=({"to": (96, 60), "bend": -1}, {"to": (95, 62), "bend": -1}),
            legs=({"to": (112, 147)}, {"to": (72, 147)}), neck=80),
      props=[floor(), wall(96)], moves=[("shoulder", 6, (0, -4))])
scene("kneeling-lat-stretch", "Kneeling with elbows on a chair seat; the hips sit back towards the heels and the chest sinks between the arms.",
      quad(56, trunk=25, arms=({"via": (104, 117), "then": 10}, {"via": (102, 117), "then": 12}), neck=20),
      Side((46, 126), trunk=20, bend=-3, face=1, neck=5, arms=({"via": (104, 117), "then": 10}, {"via": (102, 117), "then": 12}),
           legs=({"via": (56, 146), "then": 180}, {"via": (56, 146), "then": 180}), feet=(180, 180)),
      props=[floor(), chair(136, facing=-1, seat_y=121)], moves=[("hip", -6, (0, -8))])
scene("half-kneeling-hip-flexor-stretch", "Kneeling on one knee with the other foot in front; the hips shift forward to stretch the front of the back hip.",
      Side((72, 116), legs=({"to": (102, 147), "bend": 1}, (-90, 180)), feet=(None, 180)),
      Side((84, 118), legs=({"to": (104, 147), "bend": 1}, {"via": (70, 146), "then": 180}), feet=(None, 180)),
      props=[floor()], moves=[("hip", 0, (0, -6))])
scene("standing-hip-flexor-stretch", "Standing in a long stride holding a chair back; the tailbone tucks and the hips ease forward.",
      stand(74, legs=({"to": (98, 147), "bend": 1}, {"to": (52, 146), "bend": 1}), feet=(None, -20),
            arms=({"to": (106, 82)}, (-90, -90))),
      Side((80, 95), legs=({"to": (98, 147), "bend": 1}, {"to": (52, 146), "bend": 1}), feet=(None, -20),
           arms=({"to": (106, 82)}, (-90, -90))),
      props=[floor(), chair(109)], moves=[("hip", 0, (0, -6))])
scene("seated-figure-four-stretch", "Sitting with one ankle resting on the other knee; the trunk leans forward from the hips with a long back.",
      sit(70, legs=({"to": (100, 112), "bend": 1}, (0, -90))),
      sit(70, trunk=62, neck=55, legs=({"to": (100, 112), "bend": 1}, (0, -90)), arms=((-60, -20), (-55, -25))),
      props=[floor(), chair(58)], moves=[("head", -10)])
scene("standing-hip-circles", "Standing side-on to a chair holding its back; one knee lifts to hip height and draws a slow circle.",
      stand(74, arms=({"to": (97, 82)}, (-90, -90))),
      stand(74, arms=({"to": (97, 82)}, (-90, -90)), legs=((0, -90), (-90, -90))),
      props=[floor(), chair(100)], moves=[("knee0", 12)])
scene("upper-trapezius-stretch", "Sitting tall holding the seat edge with one hand; the head tips sideways, ear towards the other shoulder.",
      front_sit(arms=((-95, -90), (-80, -100))),
      front_sit(arms=((-95, -90), (-80, -100)), neck=60),
      props=[floor(), chair_front(80)], moves=[("head", -8)])
scene("towel-roll-chest-opener", "Lying on the back on a rolled towel, seen from above; the arms open out to the sides, palms up.",
      top_prone(arms=((-95, -90), (-85, -90))),
      top_prone(arms=((160, 120), (20, 60))),
      props=[mat(8, 28, 152, 150)], rotate=TOP_VIEW, moves=[("handL", 12), ("handR", -12)],
      under=[towel(77, 83, 78, 76)])

# posture correction
scene("chin-tuck-seated", "Sitting tall; the head glides straight back over the shoulders, like making a double chin.",
      sit(70, neck=72), sit(70, neck=98),
      props=[floor(), chair(58)], moves=[("head", 0, (0, -14))])
scene("scapular-retraction-seated", "Seen from behind while sitting; the shoulder blades draw back and together.",
      front_sit(blades=10), front_sit(blades=4),
      props=[floor(), chair_front(80)], end_extra=[arrow((104, 90), (92, 90)), arrow((56, 90), (68, 90))])
scene("scapular-depression-seated", "Seen from behind while sitting; the shoulders slide down away from the ears.",
      front_sit(blades=8, shrug=6), front_sit(blades=7, shrug=-2),
      props=[floor(), chair_front(80)], moves=[("shoulderL", 0, (-10, 0)), ("shoulderR", 0, (10, 0))])
scene("wall-angel", "Standing with the back against a wall and arms in a W; the arms slide up the wall and back down.",
      front_stand(arms=W_ARMS), front_stand(arms=((150, 110), (30, 70))),
      props=[floor(), '<rect x="40" y="22" width="80" height="126" rx="4" fill="#eef1f5"/>'],
      moves=[("handL", 8), ("handR", -8)])
scene("wall-posture-check", "Standing back to a wall; from a slumped start the head, shoulder blades and buttocks come to touch the wall.",
      stand(72, bend=5, neck=62, trunk=88), stand(68, neck=92, trunk=92),
      props=[floor(), wall(58)], moves=[("head", 0, (18, 2))])

# strength
scene("chin-tuck-head-lift", "Lying on the back with knees bent; the chin tucks and the head lifts just clear of the floor.",
      supine(neck=2), supine(neck=30, bend=0), props=[floor()], moves=[("head", 8, (4, -6))])
scene("band-row", "Sitting with a band fixed in front at chest height; the elbows pull back and the shoulder blades squeeze.",
      sit(62, arms=({"to": (104, 82)}, {"to": (102, 84)})),
      sit(62, arms=({"to": (80, 86), "bend": -1}, {"to": (78, 88), "bend": -1})),
      props=[floor(), chair(50), wall(150)], moves=[("hand0", 0, (0, -8))], bands=[("hand0", (146, 82))])
scene("band-pull-apart", "Standing with a band held in front at shoulder height; the hands pull the band apart until it touches the chest.",
      front_stand(arms=({"to": (74, 58), "bend": 1}, {"to": (86, 58), "bend": -1})),
      front_stand(arms=((178, 178), (2, 2))),
      props=[floor()], moves=[("handL", 0, (0, -8)), ("handR", 0, (0, -8))], bands=[("handL", "handR")])
scene("prone-t-raise", "Lying face down seen from above with arms out in a T; the shoulder blades squeeze and the arms lift a little.",
      top_prone(arms=T_ARMS, blades=10), top_prone(arms=T_ARMS, blades=4),
      props=[mat(8, 28, 152, 150)], rotate=TOP_VIEW, end_extra=SQUEEZE_FROM_ABOVE)
scene("prone-y-raise", "Lying face down seen from above with arms overhead in a Y; the shoulder blades draw down and the arms lift a little.",
      top_prone(arms=Y_ARMS, blades=10), top_prone(arms=Y_ARMS, blades=4, shrug=-3),
      props=[mat(8, 28, 152, 150)], rotate=TOP_VIEW, end_extra=SQUEEZE_FROM_ABOVE)
scene("prone-w-raise", "Lying face down seen from above with the arms bent in a W; the shoulder blades pull down and together as the arms lift.",
      top_prone(arms=W_ARMS, blades=10), top_prone(arms=W_ARMS, blades=4, shrug=-3),
      props=[mat(8, 28, 152, 150)], rotate=TOP_VIEW, end_extra=SQUEEZE_FROM_ABOVE)
scene("wall-push-up-plus", "Leaning on a wall with straight body; the chest lowers to the wall, pushes back, then the upper back rounds a little more.",
      Side((74, 92), trunk=66, neck=66, legs=({"to": (52, 147)}, {"to": (52, 147)}),
           arms=({"to": (114, 60), "bend": -1}, {"to": (114, 62), "bend": -1})),
      Side((66, 90), trunk=72, neck=64, bend=3, legs=({"to": (52, 147)}, {"to": (52, 147)}),
           arms=({"to": (114, 60), "bend": -1}, {"to": (114, 62), "bend": -1})),
      props=[floor(), wall(118)], moves=[("shoulder", 0, (0, -8))])
scene("knee-push-up-plus", "On hands and knees with the body in a line; the chest lowers and pushes back up, finishing with a little extra push.",
      Side((64, 134), trunk=4, neck=4, face=1, legs=({"via": (38, 146), "then": 150}, {"via": (38, 146), "then": 152}),
           feet=(150, 150), arms=({"to": (108, 147), "bend": -1}, {"to": (106, 147), "bend": -1})),
      Side((62, 122), trunk=19, neck=14, face=1, bend=3, legs=({"via": (38, 146), "then": 150}, {"via": (38, 146), "then": 152}),
           feet=(150, 150), arms=({"to": (108, 147), "bend": 1}, {"to": (106, 147), "bend": 1})),
      props=[floor()], moves=[("shoulder", 0, (0, -6))])
scene("forearm-wall-slide", "Facing a wall with forearms on it at shoulder height; the forearms slide up the wall and back down.",
      stand(86, arms=({"to": (112, 52), "bend": -1}, {"to": (112, 54), "bend": -1})),
      stand(86, arms=({"to": (112, 32), "bend": -1}, {"to": (112, 34), "bend": -1})),
      props=[floor(), wall(116)], moves=[("hand0", 0, (-6, 0))])
scene("band-external-rotation", "Standing with the elbow bent at the side holding a band; the forearm turns outwards away from the belly.",
      front_stand(arms=((-95, -90), {"to": (84, 76), "bend": -1})),
      front_stand(arms=((-95, -90), (-88, -10))),
      props=[floor(), wall(150)], moves=[("handR", -6)], bands=[("handR", (146, 80))])
scene("one-arm-row-supported", "Bent forward with a flat back and one hand on a chair seat; the other hand rows a light weight up beside the ribs.",
      Side((50, 96), trunk=6, neck=6, face=1, legs=({"to": (42, 147)}, {"to": (58, 147)}),
           arms=((-90, -90), {"to": (104, 119), "bend": -1})),
      Side((50, 96), trunk=6, neck=6, face=1, legs=({"to": (42, 147)}, {"to": (58, 147)}),
           arms=({"to": (82, 106), "bend": -1}, {"to": (104, 119), "bend": -1})),
      props=[floor(), chair(124, facing=-1, back=False)], moves=[("hand0", 0, (-8, 0))], weights=["hand0"])
scene("side-lying-external-rotation", "Lying on the side with a towel under the top elbow; the forearm turns up towards the ceiling holding a light weight.",
      Side((58, 126), trunk=0, neck=0, face=-1, legs=((185, 180), (188, 183)), feet=(175, 175),
           arms=((180, -75), (4, 4))),
      Side((58, 126), trunk=0, neck=0, face=-1, legs=((185, 180), (188, 183)), feet=(175, 175),
           arms=((180, 90), (4, 4))),
      props=[floor()], moves=[("hand0", -14)], weights=["hand0"], under=[towel(72, 84, 131, 5)])

# endurance
scene("chin-tuck-supine-hold", "Lying on the back with knees bent; a small nod flattens the back of the neck and is held.",
      supine(neck=8), supine(neck=-6), props=[floor()], moves=[("head", 10, (6, -10))], hold=True)
scene("scapular-set-hold", "Seen from behind while sitting; the shoulder blades set gently back and down and stay there.",
      front_sit(blades=10), front_sit(blades=6, shrug=-1),
      props=[floor(), chair_front(80)], end_extra=[arrow((104, 88), (94, 92)), arrow((56, 88), (66, 92))], hold=True)
scene("prone-cobra-hold", "Lying face down with arms by the sides; the chest and hands lift a little off the floor and hold.",
      prone(62), prone(62, trunk=12, neck=8, bend=-2, arms=((196, 196), (198, 198))),
      props=[floor()], moves=[("head", 0, (0, -10))], hold=True)
scene("wall-w-hold", "Standing with the back against a wall; the arms rise into a W pressed lightly against it and hold.",
      front_stand(), front_stand(arms=W_ARMS, blades=5),
      props=[floor(), '<rect x="40" y="22" width="80" height="126" rx="4" fill="#eef1f5"/>'],
      moves=[("handL", 14), ("handR", -14)], hold=True)
scene("band-row-hold", "Sitting with a band fixed in front; the elbows row back and hold with the shoulder blades together.",
      sit(62, arms=({"to": (104, 82)}, {"to": (102, 84)})),
      sit(62, arms=({"to": (80, 86), "bend": -1}, {"to": (78, 88), "bend": -1})),
      props=[floor(), chair(50), wall(150)], moves=[("hand0", 0, (0, -8))], hold=True, bands=[("hand0", (146, 82))])
scene("bird-dog", "On hands and knees; one arm reaches forward and the opposite leg back, level with the body, and holds.",
      quad(), quad(arms=((2, 2), (-88, -88)), legs=((-88, 180), (178, 178)), feet=(180, 178), neck=8),
      props=[floor()], moves=[("hand0", 10), ("ankle1", -10)], hold=True)

# relaxation and breathing
scene("diaphragmatic-breathing-supine", "Lying on the back, one hand on the chest and one on the belly; the belly rises on the breath in.",
      supine(arms=({"to": (62, 128), "bend": 1}, {"to": (82, 130), "bend": 1}), belly=0),
      supine(arms=({"to": (62, 122), "bend": 1}, {"to": (82, 130), "bend": 1}), belly=6),
      props=[floor()], end_extra=[arrow((48, 126), (48, 112))])
scene("diaphragmatic-breathing-seated", "Sitting tall with hands on the belly; the belly and lower ribs widen on the breath in.",
      sit(62, arms=({"to": (80, 104), "bend": -1}, {"to": (78, 106), "bend": -1})),
      sit(62, arms=({"to": (84, 104), "bend": -1}, {"to": (82, 106), "bend": -1}), belly=6),
      props=[floor(), chair(50)], end_extra=[arrow((86, 112), (100, 112))])
scene("long-exhale-breathing", "Sitting comfortably; a short breath in through the nose, then a longer, slow breath out.",
      Side((60, 142), legs=((5, 185), (0, 182)), feet=(180, 180), arms=((-70, -10), (-68, -12)), belly=5),
      Side((60, 142), legs=((5, 185), (0, 182)), feet=(180, 180), arms=((-70, -10), (-68, -12)), belly=0),
      props=[floor()], end_extra=[arrow((84, 82), (120, 82), 6), label(104, 72, "out 6")],
      start_props=[arrow((110, 82), (86, 82), -6), label(100, 72, "in 4")])
scene("lateral-rib-breathing", "Sitting with a towel around the lower ribs; the ribs widen sideways into the towel on the breath in.",
      front_sit(ribs=0, arms=({"to": (76, 96), "bend": 1}, {"to": (84, 96), "bend": -1})),
      front_sit(ribs=5, arms=({"to": (74, 96), "bend": 1}, {"to": (86, 96), "bend": -1})),
      props=[floor(), chair_front(80), '<rect x="62" y="92" width="36" height="6" rx="3" fill="#e6eaef" stroke="#7b8794" stroke-width="1.5"/>'],
      end_extra=[arrow((60, 86), (48, 86)), arrow((100, 86), (112, 86))])
scene("shoulder-shrug-release", "Sitting with hands in the lap; the shoulders lift and tighten, then drop all at once.",
      front_sit(shrug=7), front_sit(shrug=-1),
      props=[floor(), chair_front(80)], moves=[("shoulderL", 0, (-10, 0)), ("shoulderR", 0, (10, 0))])

# micro-breaks
scene("micro-shoulder-rolls", "Sitting at the desk; the shoulders roll up, back and down in a slow circle.",
      sit(62, neck=85), sit(62, neck=88, trunk=92),
      props=[floor(), chair(50), desk()], end_extra=[loop((64, 76), 11)])
scene("micro-chin-tuck-reset", "Sitting at the desk with the head drifting towards the screen; the head glides back over the shoulders.",
      sit(62, neck=66, trunk=84), sit(62, neck=96, trunk=90),
      props=[floor(), chair(50), desk()], moves=[("head", 0, (0, -14))])
scene("micro-seated-extension", "Sitting at the desk with hands behind the head; the upper back leans back over the chair and returns.",
      sit(62, arms=behind_head((62, 117), 90)), sit(62, trunk=104, neck=122, bend=-3, arms=behind_head((62, 117), 104)),
      props=[floor(), chair(50), desk()], moves=[("head", 10)])
scene("micro-seated-twist", "Sitting with arms crossed; the chest turns to one side, then the other, hips still.",
      front_sit(arms=CROSSED), front_sit(arms=({"to": (88, 80)}, {"to": (76, 82), "bend": -1}), twist=50, neck=100),
      props=[floor(), chair_front(80)], end_extra=[arrow((98, 62), (62, 62), -10)])
scene("micro-chest-opener", "Standing with hands clasped behind the back; the shoulders draw back and the chest lifts.",
      stand(78, bend=4, neck=76, arms=({"to": (72, 104), "bend": -1}, {"to": (74, 104), "bend": -1})),
      stand(76, bend=-2, neck=92, arms=({"to": (54, 96), "bend": 1}, {"to": (56, 96), "bend": 1})),
      props=[floor()], moves=[("hand0", -6)])
scene("micro-stand-and-reach", "From sitting, stand up, reach both arms overhead and lean gently to one side.",
      front_sit(), front_stand(78, tilt=82, neck=80, arms=((140, 120), (40, 62))),
      props=[floor()], start_props=[floor(), chair_front(80)], moves=[("head", 0, (14, 0))])
scene("micro-breath-reset", "Sitting at the desk; the hands come off the keyboard to rest and the belly rises with a slow breath.",
      sit(62, neck=78, trunk=86, arms=({"to": (112, 96)}, {"to": (110, 98)})),
      sit(62, neck=95, arms=({"to": (84, 112), "bend": -1}, {"to": (82, 114), "bend": -1}), belly=6),
      props=[floor(), chair(50), desk()], moves=[("hand0", 6)])


# ---------------- rendering ----------------

def group(content, transform):
    if transform is None:
        return content
    return f'<g transform="{transform}">\n{content}\n</g>'


def extras(sc, figure):
    out = []
    for joint, other in sc["bands"]:
        b = figure.joints[other] if isinstance(other, str) else other
        out.append(band(figure.joints[joint], b))
        if not isinstance(other, str):
            out.append(anchor(other))
    out.extend(weight(figure.joints[joint]) for joint in sc["weights"])
    return "\n".join(out)


def svg_for(exercise, sc):
    id = exercise["id"]
    title = html.escape(f"{exercise['name']}: start and end position")
    desc = html.escape(sc["desc"])
    start_props = sc["start_props"] if sc["start_props"] is not None else sc["props"]
    arrows = []
    for move in sc["moves"]:
        joint, curve = move[0], move[1]
        dx, dy = move[2] if len(move) > 2 else (0, 0)
        a, b = sc["start"].joints[joint], sc["end"].joints[joint]
        arrows.append(arrow((a[0] + dx, a[1] + dy), (b[0] + dx, b[1] + dy), curve))
    end_extra = list(sc["end_extra"])
    if sc["hold"]:
        end_extra.append(label(140, 34, "hold"))
    start_only = [p for p in (sc["start_props"] or []) if "marker-end" in p or "<text" in p]
    start_scene_props = [p for p in start_props if p not in start_only]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 160" width="320" height="160" role="img" '
        f'aria-labelledby="{id}-title {id}-desc">',
        f'<title id="{id}-title">{title}</title>',
        f'<desc id="{id}-desc">{desc}</desc>',
        '<defs>',
        f'<marker id="arrowhead" viewBox="0 0 8 8" refX="6" refY="4" markerWidth="6" markerHeight="6" orient="auto-start-reverse">'
        f'<path d="M0,0 L8,4 L0,8 z" fill="{ACCENT}"/></marker>',
        '</defs>',
        '<rect x="0.5" y="0.5" width="319" height="159" rx="8" fill="#ffffff" stroke="#dfe3e8"/>',
        '<line x1="160" y1="10" x2="160" y2="150" stroke="#dfe3e8" stroke-dasharray="4 4"/>',
        f'<text x="80" y="18" text-anchor="middle" font-family="system-ui, sans-serif" font-size="12" font-weight="600" fill="{INK}">Start</text>',
        f'<text x="240" y="18" text-anchor="middle" font-family="system-ui, sans-serif" font-size="12" font-weight="600" fill="{INK}">End</text>',
        '<g class="start">',
        *start_scene_props,
        group("\n".join([*sc["under"], sc["start"].svg(), extras(sc, sc["start"])]), sc["rotate"]),
        *start_only,
        '</g>',
        '<g class="end" transform="translate(160 0)">',
        *sc["props"],
        group("\n".join([*sc["under"], sc["start"].svg(ghost=True), sc["end"].svg(), extras(sc, sc["end"]), *arrows]),
              sc["rotate"]),
        *end_extra,
        '</g>',
        '</svg>',
    ]
    # Every illustration has its own marker id so several can sit inline on one page.
    return "\n".join(parts).replace('id="arrowhead"', f'id="{id}-arrow"').replace("url(#arrowhead)", f"url(#{id}-arrow)") + "\n"


def main():
    out = ROOT / "illustrations"
    out.mkdir(parents=True, exist_ok=True)
    exercises = sorted((ROOT / "exercises").glob("*.json"))
    missing = []
    for path in exercises:
        exercise = json.loads(path.read_text(encoding="utf-8"))
        if exercise["id"] not in S:
            missing.append(exercise["id"])
            continue
        (out / exercise["illustration"]).write_text(svg_for(exercise, S[exercise["id"]]), encoding="utf-8")
    unused = sorted(set(S) - {p.stem for p in exercises})
    if missing or unused:
        raise SystemExit(f"exercises without a pose: {missing}; poses without an exercise: {unused}")
    print(f"drew {len(exercises)} illustrations into {out}")


if __name__ == "__main__":
    main()
